import { badRequest } from "../../http/problem.js";
import { type FieldDef, OPERATORS } from "./fields.js";

export type Filter = { field: FieldDef; op: string; value: string | string[] | boolean };
export type SortKey = { field: FieldDef; desc: boolean };

const FILTER_KEY = /^filter\[([A-Za-z0-9_.]{1,80})\]\[([A-Za-z]{2,12})\]$/;
const MAX_FILTERS = 30;
const MAX_IN = 200;

/**
 * Reads `filter[field][op]=value` parameters against the allow-list. Unknown fields or
 * operators, and values that don't fit the field's type, are a 400 (never SQL).
 */
export function parseFilters(query: Record<string, unknown>, fields: Map<string, FieldDef>): Filter[] {
  const filters: Filter[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (!key.startsWith("filter")) continue;
    const m = FILTER_KEY.exec(key);
    if (!m) throw badRequest("invalid_filter", `"${key}" is not a filter; use filter[field][op]=value.`);
    const [, name = "", op = ""] = m;
    const field = fields.get(name);
    if (!field) throw badRequest("unknown_field", `Unknown field "${name}".`, [{ path: `query.${key}`, message: "unknown field" }]);
    if (!OPERATORS[field.type].includes(op)) {
      throw badRequest(
        "invalid_operator",
        `"${op}" does not apply to ${field.type} field "${name}"; use ${OPERATORS[field.type].join(", ")}.`,
        [{ path: `query.${key}`, message: "operator not allowed" }],
      );
    }
    const values = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    for (const v of values) filters.push({ field, op, value: parseValue(field, op, v, key) });
  }
  if (filters.length > MAX_FILTERS) throw badRequest("too_many_filters", `At most ${MAX_FILTERS} filters.`);
  return filters;
}

function parseValue(field: FieldDef, op: string, v: string, key: string): Filter["value"] {
  const fail = (message: string) => badRequest("invalid_filter_value", `${key}: ${message}`, [{ path: `query.${key}`, message }]);
  if (v.length > 1000) throw fail("value too long");
  if (op === "isNull") {
    if (v !== "true" && v !== "false") throw fail("true or false");
    return v === "true";
  }
  const list =
    op === "in"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [v];
  if (list.length === 0 || list.length > MAX_IN) throw fail(`1 to ${MAX_IN} comma-separated values`);
  for (const item of list) checkType(field, item, fail);
  return op === "in" ? list : (list[0] as string);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkType(field: FieldDef, v: string, fail: (m: string) => Error) {
  switch (field.type) {
    case "number":
      if (!/^-?\d+(\.\d+)?$/.test(v)) throw fail("a number");
      return;
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw fail("a date (YYYY-MM-DD)");
      return;
    case "datetime":
      if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(Date.parse(v)))
        throw fail("an ISO 8601 date-time");
      return;
    case "boolean":
      if (v !== "true" && v !== "false") throw fail("true or false");
      return;
    case "uuid":
      if (!UUID.test(v)) throw fail("a UUID");
      return;
    default:
      return;
  }
}

/** `sort=name,-createdAt`: allow-listed sortable fields, `-` for descending. */
export function parseSort(sort: string | undefined, fields: Map<string, FieldDef>, fallback: string): SortKey[] {
  const parts = (sort?.trim() || fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > 4) throw badRequest("invalid_sort", "Sort by at most 4 fields.");
  const keys: SortKey[] = [];
  for (const part of parts) {
    const desc = part.startsWith("-");
    const name = desc ? part.slice(1) : part;
    const field = fields.get(name);
    if (!field?.sortable) throw badRequest("invalid_sort", `Cannot sort by "${name}".`, [{ path: "query.sort", message: "not sortable" }]);
    keys.push({ field, desc });
  }
  return keys;
}

/** Cursors carry the sort values (as PostgreSQL text) and the id of the last row. */
export function encodeCursor(values: (string | null)[], id: string): string {
  return Buffer.from(JSON.stringify([...values, id])).toString("base64url");
}

export function decodeCursor(cursor: string, sortKeys: number): { values: (string | null)[]; id: string } {
  const fail = () => badRequest("invalid_cursor", "The cursor is not valid for this list; start again without it.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw fail();
  }
  if (!Array.isArray(parsed) || parsed.length !== sortKeys + 1) throw fail();
  const id = parsed[sortKeys];
  if (typeof id !== "string" || !UUID.test(id)) throw fail();
  const values = parsed.slice(0, sortKeys);
  if (!values.every((v) => v === null || (typeof v === "string" && v.length <= 1000))) throw fail();
  return { values: values as (string | null)[], id };
}

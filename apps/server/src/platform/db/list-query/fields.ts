import { type RawBuilder, sql } from "kysely";

/**
 * The allow-list of what a list may filter and sort on. A field maps a public key
 * (`lifecycleStage`, `custom.industry_code`) to a SQL expression built here, never from the
 * request; values are always bound parameters.
 */
export type FieldType = "text" | "number" | "date" | "datetime" | "boolean" | "select" | "uuid" | "text_array" | "json_array";

export type FieldDef = {
  key: string;
  label: string;
  type: FieldType;
  expr: RawBuilder<unknown>;
  sortable: boolean;
  /** Never null (lets keyset pagination use a row comparison on an index). */
  notNull?: boolean;
  /** Expression used for ordering when it differs from `expr` (e.g. a folded name key). */
  sortExpr?: RawBuilder<unknown>;
  options?: string[];
  custom?: boolean;
};

export const OPERATORS: Record<FieldType, string[]> = {
  text: ["eq", "ne", "contains", "startsWith", "in", "isNull"],
  number: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "isNull"],
  date: ["eq", "ne", "lt", "lte", "gt", "gte", "isNull"],
  datetime: ["eq", "ne", "lt", "lte", "gt", "gte", "isNull"],
  boolean: ["eq", "ne", "isNull"],
  select: ["eq", "ne", "in", "isNull"],
  uuid: ["eq", "ne", "in", "isNull"],
  text_array: ["eq", "in", "contains", "isNull"],
  json_array: ["eq", "in", "isNull"],
};

/** The PostgreSQL type a value of a field is cast to when compared (a fixed, safe list). */
export const CAST: Record<FieldType, string> = {
  text: "text",
  number: "numeric",
  date: "date",
  datetime: "timestamptz",
  boolean: "boolean",
  select: "text",
  uuid: "uuid",
  text_array: "text",
  json_array: "text",
};

/** A column of the list's table alias; `column` is a constant from a module's field list. */
export function col(alias: string, column: string): RawBuilder<unknown> {
  return sql.ref(`${alias}.${column}`);
}

/** A custom field stored in the `custom` JSONB column, read as the field's type. */
export function customFieldDef(alias: string, def: { key: string; label: string; type: string; options: string[] }): FieldDef | undefined {
  const raw = sql`${sql.ref(`${alias}.custom`)}->>${def.key}`;
  const base = { key: `custom.${def.key}`, label: def.label, custom: true, sortable: true };
  switch (def.type) {
    case "text":
    case "long_text":
    case "url":
    case "email":
    case "phone":
      return { ...base, type: "text", expr: raw };
    case "number":
      return { ...base, type: "number", expr: sql`(${raw})::numeric` };
    case "money":
      return { ...base, type: "number", expr: sql`((${sql.ref(`${alias}.custom`)}->${def.key})->>'amount')::bigint` };
    case "date":
      return { ...base, type: "date", expr: sql`(${raw})::date` };
    case "boolean":
      return { ...base, type: "boolean", expr: sql`(${raw})::boolean` };
    case "select":
      return { ...base, type: "select", expr: raw, options: def.options };
    case "multi_select":
      return { ...base, type: "json_array", sortable: false, expr: sql`(${sql.ref(`${alias}.custom`)}->${def.key})`, options: def.options };
    default:
      return undefined;
  }
}

import { type RawBuilder, sql } from "kysely";
import type { FieldDef } from "../../../platform/db/list-query/index.js";
import { badRequest } from "../../../platform/http/problem.js";
import type { CustomFieldRow } from "../../custom-fields/index.js";
import { MULTI_SEPARATOR } from "../csv-cells.rules.js";

/**
 * A column of an export: its public key (from the list registry), its header and the SQL
 * that writes its cell as text from the list's table alias and `ou` (the owner's user row).
 * Expressions are constants of this file over allow-listed columns; the only values in them
 * (custom field keys) are bound parameters. PostgreSQL formats every cell, so the export is
 * one `COPY` (decision 0020); `formatCustomCell` is the reference the SQL of custom fields
 * is tested against.
 */
export type ExportColumn = {
  key: string;
  label: string;
  cell: RawBuilder<string>;
  /** A LEFT JOIN the cell reads from (added once, whatever the number of columns using it). */
  join?: RawBuilder<unknown>;
};

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
const text = (alias: string, column: string) => sql<string>`${ref(alias, column)}::text`;
const SEP = sql.lit(MULTI_SEPARATOR);
const joined = (alias: string, column: string) => sql<string>`array_to_string(${ref(alias, column)}, ${SEP})`;
/** `Date.toISOString()`'s form: UTC, milliseconds, `Z`. */
const iso = (alias: string, column: string) =>
  sql<string>`to_char(${ref(alias, column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ADDRESS_PARTS = {
  street: sql`'street'`,
  city: sql`'city'`,
  region: sql`'region'`,
  postalCode: sql`'postalCode'`,
  country: sql`'country'`,
};
const address = (alias: string, part: keyof typeof ADDRESS_PARTS) =>
  sql<string>`(${ref(alias, "addresses")} -> 0 ->> ${ADDRESS_PARTS[part]})`;
/** Owners are written as their email (the owner's user row is joined as `ou`), else their id. */
const ownerJoins = {
  c: sql`LEFT JOIN users AS ou ON ou.workspace_id = c.workspace_id AND ou.id = c.owner_id`,
  co: sql`LEFT JOIN users AS ou ON ou.workspace_id = co.workspace_id AND ou.id = co.owner_id`,
};
const owner = (alias: keyof typeof ownerJoins) => ({
  cell: sql<string>`coalesce(ou.email::text, ${ref(alias, "owner_id")}::text)`,
  join: ownerJoins[alias],
});

/**
 * Currencies whose minor unit is not 1/100 (JPY 0, BHD 3…), from the runtime's ISO 4217 data
 * as `formatCustomCell` uses it; the codes are checked to be three capital letters before they
 * become SQL text.
 */
const ODD_DIGITS = Intl.supportedValuesOf("currency")
  .map((code) => ({
    code,
    digits: new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits,
  }))
  .filter((c) => /^[A-Z]{3}$/.test(c.code) && c.digits !== 2 && c.digits !== undefined);
const digitsOf = (currency: RawBuilder<unknown>) =>
  ODD_DIGITS.length === 0
    ? sql`2`
    : sql`(CASE ${currency} ${sql.raw(ODD_DIGITS.map((c) => `WHEN '${c.code}' THEN ${c.digits}`).join(" "))} ELSE 2 END)`;

/** A custom field's cell as `formatCustomCell` writes it: money "12.50 EUR", multi-selects joined, the rest as stored. */
function customCell(alias: string, def: CustomFieldRow): RawBuilder<string> {
  const value = sql`(${ref(alias, "custom")} -> ${def.key})`;
  switch (def.type) {
    case "money":
      return sql<string>`(SELECT CASE WHEN jsonb_typeof(m.v -> 'amount') = 'number' AND jsonb_typeof(m.v -> 'currency') = 'string' THEN
                            (SELECT CASE WHEN a.amount < 0 THEN '-' ELSE '' END
                                    || CASE WHEN a.d = 0 THEN a.digits ELSE left(a.digits, -a.d) || '.' || right(a.digits, a.d) END
                                    || ' ' || a.currency
                               FROM (SELECT x.amount, x.currency, x.d,
                                            CASE WHEN length(abs(x.amount)::text) > x.d THEN abs(x.amount)::text
                                                 ELSE lpad(abs(x.amount)::text, x.d + 1, '0') END AS digits
                                       FROM (SELECT (m.v ->> 'amount')::numeric AS amount, m.v ->> 'currency' AS currency,
                                                    ${digitsOf(sql`(m.v ->> 'currency')`)} AS d) x) a)
                          END FROM (SELECT ${value} AS v) m)`;
    case "multi_select":
      return sql<string>`(SELECT string_agg(e.v, ${SEP} ORDER BY e.n)
                            FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} END)
                                 WITH ORDINALITY AS e(v, n))`;
    default:
      return sql<string>`(${ref(alias, "custom")} ->> ${def.key})`;
  }
}

function customColumns(alias: string, defs: CustomFieldRow[]): ExportColumn[] {
  return defs.map((d) => ({ key: `custom.${d.key}`, label: d.label, cell: customCell(alias, d) }));
}

/**
 * A person's company is the primary link's company (else the first by name), as the API
 * lists them. Joined as a whole (the workspace condition reaches the subquery through the
 * join) rather than looked up per person: a hash join over the workspace's links costs less
 * than an index probe per exported person once an export has more than a few thousand rows.
 */
const firstCompany = {
  cell: sql<string>`fc.name`,
  join: sql`LEFT JOIN (
      SELECT DISTINCT ON (xl.workspace_id, xl.contact_id) xl.workspace_id, xl.contact_id, xco.name
        FROM contact_companies xl
        JOIN companies xco ON xco.workspace_id = xl.workspace_id AND xco.id = xl.company_id
       WHERE xco.deleted_at IS NULL
       ORDER BY xl.workspace_id, xl.contact_id, xl.is_primary DESC, xco.name_key) AS fc
    ON fc.workspace_id = c.workspace_id AND fc.contact_id = c.id`,
};

/**
 * Columns that are not list fields but belong in a file: the id, the address lines and notes.
 * Everything else must be a field of the object's list registry, so a field that lists may
 * not show can never be exported either.
 */
const EXTRA_KEYS = new Set(["id", "street", "postalCode", "region", "notes", "phone"]);

/** People (alias `c`). */
export function contactColumns(defs: CustomFieldRow[]): ExportColumn[] {
  const a = "c";
  return [
    { key: "id", label: "ID", cell: text(a, "id") },
    { key: "name", label: "Name", cell: text(a, "name") },
    { key: "firstName", label: "First name", cell: text(a, "first_name") },
    { key: "lastName", label: "Last name", cell: text(a, "last_name") },
    { key: "title", label: "Title", cell: text(a, "title") },
    { key: "email", label: "Email", cell: joined(a, "emails") },
    { key: "phone", label: "Phone", cell: joined(a, "phones") },
    { key: "companyId", label: "Company", ...firstCompany },
    { key: "lifecycleStage", label: "Lifecycle stage", cell: text(a, "lifecycle_stage") },
    { key: "source", label: "Source", cell: text(a, "source") },
    { key: "ownerId", label: "Owner", ...owner(a) },
    { key: "tags", label: "Tags", cell: joined(a, "tags") },
    { key: "street", label: "Street", cell: address(a, "street") },
    { key: "city", label: "City", cell: address(a, "city") },
    { key: "postalCode", label: "Postal code", cell: address(a, "postalCode") },
    { key: "region", label: "Region", cell: address(a, "region") },
    { key: "country", label: "Country", cell: address(a, "country") },
    { key: "notes", label: "Notes", cell: text(a, "notes") },
    { key: "lastInteractionAt", label: "Last interaction", cell: iso(a, "last_interaction_at") },
    { key: "createdAt", label: "Created", cell: iso(a, "created_at") },
    { key: "updatedAt", label: "Updated", cell: iso(a, "updated_at") },
    { key: "deletedAt", label: "Deleted", cell: iso(a, "deleted_at") },
    ...customColumns(a, defs),
  ];
}

/** Companies (alias `co`). */
export function companyColumns(defs: CustomFieldRow[]): ExportColumn[] {
  const a = "co";
  return [
    { key: "id", label: "ID", cell: text(a, "id") },
    { key: "name", label: "Name", cell: text(a, "name") },
    { key: "domain", label: "Domain", cell: text(a, "domain") },
    { key: "industry", label: "Industry", cell: text(a, "industry") },
    { key: "size", label: "Size", cell: text(a, "size") },
    { key: "employees", label: "Employees", cell: text(a, "employees") },
    { key: "phone", label: "Phone", cell: joined(a, "phones") },
    { key: "lifecycleStage", label: "Lifecycle stage", cell: text(a, "lifecycle_stage") },
    { key: "source", label: "Source", cell: text(a, "source") },
    { key: "ownerId", label: "Owner", ...owner(a) },
    { key: "tags", label: "Tags", cell: joined(a, "tags") },
    { key: "street", label: "Street", cell: address(a, "street") },
    { key: "city", label: "City", cell: address(a, "city") },
    { key: "postalCode", label: "Postal code", cell: address(a, "postalCode") },
    { key: "region", label: "Region", cell: text(a, "region") },
    { key: "country", label: "Country", cell: text(a, "country") },
    { key: "notes", label: "Notes", cell: text(a, "notes") },
    { key: "lastInteractionAt", label: "Last interaction", cell: iso(a, "last_interaction_at") },
    { key: "createdAt", label: "Created", cell: iso(a, "created_at") },
    { key: "updatedAt", label: "Updated", cell: iso(a, "updated_at") },
    { key: "deletedAt", label: "Deleted", cell: iso(a, "deleted_at") },
    ...customColumns(a, defs),
  ];
}

const CONTACT_DEFAULT = ["firstName", "lastName", "title", "email", "phone", "companyId", "lifecycleStage", "source", "ownerId", "tags"];
const COMPANY_DEFAULT = ["name", "domain", "industry", "size", "employees", "phone", "lifecycleStage", "source", "ownerId", "tags"];
const TAIL_DEFAULT = ["street", "city", "postalCode", "region", "country", "notes", "createdAt", "updatedAt"];

/**
 * The columns of an export: `columns=name,email,custom.tier` in that order, or by default
 * the main fields, the address, notes, timestamps and every custom field. Keys outside the
 * allow-list are a 400.
 */
export function pickColumns(
  all: ExportColumn[],
  fields: Map<string, FieldDef>,
  object: "contact" | "company",
  requested: string | undefined,
): ExportColumn[] {
  const allowed = new Map(all.filter((c) => fields.has(c.key) || EXTRA_KEYS.has(c.key)).map((c) => [c.key, c]));
  const keys = requested
    ? requested
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean)
    : [
        ...(object === "contact" ? CONTACT_DEFAULT : COMPANY_DEFAULT),
        ...TAIL_DEFAULT,
        ...[...allowed.keys()].filter((k) => k.startsWith("custom.")),
      ];
  const unknown = keys.filter((k) => !allowed.has(k));
  if (unknown.length > 0 || keys.length === 0 || keys.length > 500) {
    throw badRequest("invalid_columns", `Unknown columns: ${unknown.join(", ") || "(none given)"}.`, [
      { path: "query.columns", message: `use keys of ${[...allowed.keys()].join(", ")}` },
    ]);
  }
  return keys.map((k) => allowed.get(k) as ExportColumn);
}

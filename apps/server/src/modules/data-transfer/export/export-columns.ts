import type { Contact } from "@rapport/contract";
import type { FieldDef } from "../../../platform/db/list-query/index.js";
import { badRequest } from "../../../platform/http/problem.js";
import type { CompanyRow } from "../../companies/index.js";
import type { CustomFieldRow } from "../../custom-fields/index.js";
import { joinMulti } from "../csv-cells.rules.js";
import { formatCustomCell } from "../custom-cells.rules.js";

/** What a cell may need besides the record: owners are written as their email. */
export type ExportContext = { ownerEmails: Map<string, string> };
export type ExportColumn<T> = { key: string; label: string; value(record: T, ctx: ExportContext): string };

const text = (v: string | null | undefined) => v ?? "";
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : "");
type Address = { street?: string; city?: string; region?: string; postalCode?: string; country?: string };
const address = (addresses: unknown, part: keyof Address) => text((addresses as Address[])[0]?.[part]);

/**
 * Columns that are not list fields but belong in a file: the id, the address lines and notes.
 * Everything else must be a field of the object's list registry, so a field that lists may
 * not show can never be exported either.
 */
const EXTRA_KEYS = new Set(["id", "street", "postalCode", "region", "notes", "phone"]);

function customColumns<T extends { custom: unknown }>(defs: CustomFieldRow[]): ExportColumn<T>[] {
  return defs.map((d) => ({
    key: `custom.${d.key}`,
    label: d.label,
    value: (r) => formatCustomCell(d, (r.custom as Record<string, unknown>)[d.key]),
  }));
}

const owner = (id: string | null, ctx: ExportContext) => (id ? (ctx.ownerEmails.get(id) ?? id) : "");

/** People are written from their API form, which carries their companies' names. */
export function contactColumns(defs: CustomFieldRow[]): ExportColumn<Contact>[] {
  return [
    { key: "id", label: "ID", value: (r) => r.id },
    { key: "name", label: "Name", value: (r) => r.name },
    { key: "firstName", label: "First name", value: (r) => r.firstName },
    { key: "lastName", label: "Last name", value: (r) => r.lastName },
    { key: "title", label: "Title", value: (r) => text(r.title) },
    { key: "email", label: "Email", value: (r) => joinMulti(r.emails) },
    { key: "phone", label: "Phone", value: (r) => joinMulti(r.phones) },
    { key: "companyId", label: "Company", value: (r) => text(r.companies[0]?.name) },
    { key: "lifecycleStage", label: "Lifecycle stage", value: (r) => r.lifecycleStage },
    { key: "source", label: "Source", value: (r) => text(r.source) },
    { key: "ownerId", label: "Owner", value: (r, ctx) => owner(r.ownerId, ctx) },
    { key: "tags", label: "Tags", value: (r) => joinMulti(r.tags) },
    { key: "street", label: "Street", value: (r) => address(r.addresses, "street") },
    { key: "city", label: "City", value: (r) => address(r.addresses, "city") },
    { key: "postalCode", label: "Postal code", value: (r) => address(r.addresses, "postalCode") },
    { key: "region", label: "Region", value: (r) => address(r.addresses, "region") },
    { key: "country", label: "Country", value: (r) => address(r.addresses, "country") },
    { key: "notes", label: "Notes", value: (r) => text(r.notes) },
    { key: "lastInteractionAt", label: "Last interaction", value: (r) => text(r.lastInteractionAt) },
    { key: "createdAt", label: "Created", value: (r) => r.createdAt },
    { key: "updatedAt", label: "Updated", value: (r) => r.updatedAt },
    { key: "deletedAt", label: "Deleted", value: (r) => text(r.deletedAt) },
    ...customColumns<Contact>(defs),
  ];
}

/** Companies are written from their rows (a company's API form adds nothing a file needs). */
export function companyColumns(defs: CustomFieldRow[]): ExportColumn<CompanyRow>[] {
  return [
    { key: "id", label: "ID", value: (r) => r.id },
    { key: "name", label: "Name", value: (r) => r.name },
    { key: "domain", label: "Domain", value: (r) => text(r.domain) },
    { key: "industry", label: "Industry", value: (r) => text(r.industry) },
    { key: "size", label: "Size", value: (r) => text(r.size) },
    { key: "employees", label: "Employees", value: (r) => (r.employees === null ? "" : String(r.employees)) },
    { key: "phone", label: "Phone", value: (r) => joinMulti(r.phones) },
    { key: "lifecycleStage", label: "Lifecycle stage", value: (r) => r.lifecycle_stage },
    { key: "source", label: "Source", value: (r) => text(r.source) },
    { key: "ownerId", label: "Owner", value: (r, ctx) => owner(r.owner_id, ctx) },
    { key: "tags", label: "Tags", value: (r) => joinMulti(r.tags) },
    { key: "street", label: "Street", value: (r) => address(r.addresses, "street") },
    { key: "city", label: "City", value: (r) => address(r.addresses, "city") },
    { key: "postalCode", label: "Postal code", value: (r) => address(r.addresses, "postalCode") },
    { key: "region", label: "Region", value: (r) => text(r.region) },
    { key: "country", label: "Country", value: (r) => text(r.country) },
    { key: "notes", label: "Notes", value: (r) => text(r.notes) },
    { key: "lastInteractionAt", label: "Last interaction", value: (r) => iso(r.last_interaction_at) },
    { key: "createdAt", label: "Created", value: (r) => iso(r.created_at) },
    { key: "updatedAt", label: "Updated", value: (r) => iso(r.updated_at) },
    { key: "deletedAt", label: "Deleted", value: (r) => iso(r.deleted_at) },
    ...customColumns<CompanyRow>(defs),
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
export function pickColumns<T>(
  all: ExportColumn<T>[],
  fields: Map<string, FieldDef>,
  object: "contact" | "company",
  requested: string | undefined,
): ExportColumn<T>[] {
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
  return keys.map((k) => allowed.get(k) as ExportColumn<T>);
}

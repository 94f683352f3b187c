import { type Address, createContactBodySchema, type LifecycleStage, lifecycleStages } from "@rapport/contract";
import { normaliseEmails, normalisePhones } from "../../contacts/index.js";
import { type CustomFieldDefinition, validateCustomValues } from "../../custom-fields/index.js";
import { normaliseTags } from "../../records/index.js";
import { restoreCell, splitMulti } from "../csv-cells.rules.js";
import { parseCustomCell } from "../custom-cells.rules.js";
import { countryCode } from "./country.rules.js";
import { type ImportedIdentity, readIdentityCells } from "./identity-cells.rules.js";
import { headerKey } from "./mapping.rules.js";

export type RowContext = {
  headers: string[];
  mapping: (string | null)[];
  customDefs: CustomFieldDefinition[];
  defaultCountry: string;
};
export type RowError = { column: string; reason: string };

/** A row's values, checked and normalised exactly as the API would store them. Absent: not in the file. */
export type ImportValues = {
  firstName: string;
  lastName: string;
  title?: string;
  emails: string[];
  phones: string[];
  tags: string[];
  lifecycleStage?: LifecycleStage;
  source?: string;
  notes?: string;
  owner?: string;
  company?: string;
  address?: Address;
  custom: Record<string, unknown>;
  /** External ids and social handles, added to the person as identities with the import as source. */
  identities: ImportedIdentity[];
};

const ADDRESS_PARTS = new Set(["street", "city", "postalCode", "region", "country"]);
const STAGE_ALIASES: Record<string, LifecycleStage> = {
  marketingqualifiedlead: "lead",
  mql: "lead",
  salesqualifiedlead: "prospect",
  sql: "prospect",
};
const MAX_COMPANY = 300;
const MAX_OWNER = 254;

/**
 * Reads one row through the column mapping. Cells lose the formula-neutralising apostrophe
 * of exports and surrounding spaces; empty cells are absent (they never clear a value);
 * multi-valued cells split on ";". The result goes through the API's own schema and
 * normalisation, and every problem is reported with the column it came from.
 */
export function readRow(cells: string[], ctx: RowContext): { values: ImportValues; errors: RowError[] } {
  const errors: RowError[] = [];
  const single = new Map<string, { value: string; column: string }>();
  const emails: { value: string; column: string }[] = [];
  const phones: { value: string; column: string }[] = [];
  const tags: string[] = [];
  const identityCells: { target: "externalId" | "social"; value: string; column: string }[] = [];
  const address: Record<string, string> = {};
  const custom: Record<string, unknown> = {};
  const columnOf = new Map<string, string>();
  const mapped = new Map<string, string>();
  const defs = new Map(ctx.customDefs.map((d) => [d.key, d]));

  ctx.mapping.forEach((target, i) => {
    if (!target) return;
    mapped.set(target, mapped.get(target) ?? ctx.headers[i] ?? `Column ${i + 1}`);
    const cell = restoreCell(cells[i] ?? "").trim();
    if (!cell) return;
    const column = ctx.headers[i] ?? `Column ${i + 1}`;
    if (target === "email") emails.push(...splitMulti(cell).map((value) => ({ value, column })));
    else if (target === "phone") phones.push(...splitMulti(cell).map((value) => ({ value, column })));
    else if (target === "tags") tags.push(...splitMulti(cell));
    else if (target === "social") identityCells.push(...splitMulti(cell).map((value) => ({ target: "social" as const, value, column })));
    else if (target === "externalId") identityCells.push({ target, value: cell, column });
    else if (target.startsWith("custom.")) {
      const def = defs.get(target.slice(7));
      if (def) custom[def.key] = parseCustomCell(def, cell);
    } else if (ADDRESS_PARTS.has(target)) address[target] = target === "country" ? countryCode(cell) : cell;
    else if (!single.has(target)) single.set(target, { value: cell, column });
    if (!columnOf.has(target)) columnOf.set(target, column);
  });
  const col = (target: string) => columnOf.get(target) ?? mapped.get(target) ?? target;

  let firstName = single.get("firstName")?.value ?? "";
  let lastName = single.get("lastName")?.value ?? "";
  const full = single.get("name")?.value;
  if (!firstName && !lastName && full) {
    // "Ana Maria Souza": the last word is the last name; a single word is a first name.
    const at = full.lastIndexOf(" ");
    [firstName, lastName] = at > 0 ? [full.slice(0, at).trim(), full.slice(at + 1)] : [full, ""];
    columnOf.set("firstName", col("name"));
    columnOf.set("lastName", col("name"));
  }
  let lifecycleStage: string | undefined = single.get("lifecycleStage")?.value;
  if (lifecycleStage) {
    const k = headerKey(lifecycleStage);
    lifecycleStage = STAGE_ALIASES[k] ?? lifecycleStages.find((s) => s === k) ?? lifecycleStage;
  }
  const body = {
    firstName,
    lastName,
    title: single.get("title")?.value,
    source: single.get("source")?.value,
    notes: single.get("notes")?.value,
    lifecycleStage,
    emails: emails.map((e) => e.value),
    phones: phones.map((p) => p.value),
    tags,
    ...(Object.keys(address).length ? { addresses: [address] } : {}),
    custom,
  };
  // The name rule is checked here: the schema's own check is skipped when another field fails.
  if (!firstName.trim() && !lastName.trim())
    errors.push({
      column: col(
        mapped.has("firstName") || !mapped.has("lastName")
          ? mapped.has("name") && !mapped.has("firstName")
            ? "name"
            : "firstName"
          : "lastName",
      ),
      reason: "a first or last name is required",
    });
  const parsed = createContactBodySchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index, part] = issue.path.map(String);
      if (field === "lastName" && issue.code === "custom") continue;
      const column =
        field === "emails"
          ? emails[Number(index)]?.column
          : field === "phones"
            ? phones[Number(index)]?.column
            : field === "addresses"
              ? col(part ?? "street")
              : col(field ?? "");
      const reason = field === "lifecycleStage" ? `one of: ${lifecycleStages.join(", ")}` : issue.message;
      errors.push({ column: column ?? "", reason });
    }
  }
  const e = normaliseEmails(body.emails, "emails");
  const p = normalisePhones(body.phones, ctx.defaultCountry, "phones");
  const c = validateCustomValues(ctx.customDefs, custom, { partial: false, defaultCountry: ctx.defaultCountry });
  for (const err of e.errors) errors.push({ column: emails[Number(err.path.split(".")[1])]?.column ?? col("email"), reason: err.message });
  for (const err of p.errors) errors.push({ column: phones[Number(err.path.split(".")[1])]?.column ?? col("phone"), reason: err.message });
  for (const err of c.errors) errors.push({ column: col(`custom.${err.path.replace(/^body\.custom\./, "")}`), reason: err.message });
  const company = single.get("company")?.value;
  if (company && company.length > MAX_COMPANY) errors.push({ column: col("company"), reason: `at most ${MAX_COMPANY} characters` });
  const owner = single.get("owner")?.value;
  if (owner && owner.length > MAX_OWNER) errors.push({ column: col("owner"), reason: "not a user of this workspace" });

  const ids = readIdentityCells(identityCells);
  errors.push(...ids.errors);

  const data = parsed.success ? parsed.data : undefined;
  const values: ImportValues = {
    firstName: data?.firstName ?? firstName,
    lastName: data?.lastName ?? lastName,
    emails: e.values,
    phones: p.values,
    tags: normaliseTags(tags),
    custom: Object.fromEntries(Object.entries(c.values).filter(([, v]) => v !== null)),
    identities: ids.identities,
  };
  if (data?.title) values.title = data.title;
  if (data?.source) values.source = data.source;
  if (data?.notes) values.notes = data.notes;
  if (data?.lifecycleStage && single.has("lifecycleStage")) values.lifecycleStage = data.lifecycleStage;
  if (data?.addresses?.[0]) values.address = data.addresses[0];
  if (company) values.company = company;
  if (owner) values.owner = owner;
  return { values, errors };
}

/** The values of a row keyed by mapping target, for the preview. */
export function previewValues(v: ImportValues): Record<string, unknown> {
  const out: Record<string, unknown> = { firstName: v.firstName, lastName: v.lastName };
  if (v.title !== undefined) out.title = v.title;
  if (v.emails.length) out.email = v.emails;
  if (v.phones.length) out.phone = v.phones;
  if (v.company !== undefined) out.company = v.company;
  if (v.lifecycleStage !== undefined) out.lifecycleStage = v.lifecycleStage;
  if (v.source !== undefined) out.source = v.source;
  if (v.owner !== undefined) out.owner = v.owner;
  if (v.tags.length) out.tags = v.tags;
  for (const [k, value] of Object.entries(v.address ?? {})) out[k] = value;
  if (v.notes !== undefined) out.notes = v.notes;
  for (const [k, value] of Object.entries(v.custom)) out[`custom.${k}`] = value;
  const external = v.identities.filter((i) => i.kind === "external_id").map((i) => i.value);
  const social = v.identities.filter((i) => i.kind === "social").map((i) => i.value);
  if (external.length) out.externalId = external[0];
  if (social.length) out.social = social;
  return out;
}

import { type Address, createCompanyBodySchema } from "@rapport/contract";
import { normalisePhones } from "../../contacts/index.js";
import { validateCustomValues } from "../../custom-fields/index.js";
import { normaliseTags } from "../../records/index.js";
import { restoreCell, splitMulti } from "../csv-cells.rules.js";
import { parseCustomCell } from "../custom-cells.rules.js";
import { countryCode } from "./country.rules.js";
import { customFieldTargets, type MappingTarget, RECORD_TARGETS } from "./mapping.rules.js";
import type { RowContext, RowError } from "./row-values.rules.js";

/** A company row's values, checked and normalised as the companies API stores them. Absent: not in the file. */
export type CompanyImportValues = {
  name: string;
  domain?: string;
  industry?: string;
  employees?: number;
  region?: string;
  country?: string;
  phones: string[];
  tags: string[];
  source?: string;
  notes?: string;
  owner?: string;
  address?: Address;
  custom: Record<string, unknown>;
};

const BUILT_IN: MappingTarget[] = [
  { key: "name", label: "Company name", multiple: false },
  { key: "domain", label: "Domain", multiple: true },
  { key: "website", label: "Website", multiple: false },
  { key: "phone", label: "Phone", multiple: true },
  { key: "industry", label: "Industry", multiple: false },
  { key: "employees", label: "Employees", multiple: false },
  ...RECORD_TARGETS,
];

/** Where a column of a companies file can go: the built-in fields, then the workspace's custom fields of companies. */
export function companyTargets(customDefs: { key: string; label: string; type: string }[]): MappingTarget[] {
  return [...BUILT_IN, ...customFieldTargets(customDefs)];
}

/**
 * Column names of common company exports, after `headerKey`: HubSpot ("Company name",
 * "Company Domain Name", "Number of Employees"), Salesforce accounts ("Account Name",
 * "Billing Country", "Account Owner"), Pipedrive ("Organization - Name", "Organization - Address").
 */
export const COMPANY_ALIASES: [RegExp, string][] = [
  [/^(company|account|organi[sz]ation|org)?name$|^(company|account|organi[sz]ation)$/, "name"],
  [/^(company|account|organi[sz]ation)?(domain|domainname|emaildomain)s?$|^companydomainname$/, "domain"],
  [/^(company|account|organi[sz]ation)?(website|websiteurl|url|web|homepage)$/, "website"],
  [/^(company|account|organi[sz]ation)?(phone|phonenumber|telephone|tel|mainphone)(\d+)?$/, "phone"],
  [/^(company|account|organi[sz]ation)?industry$/, "industry"],
  [/^(numberof)?employees$|^employeecount$|^(company|account|organi[sz]ation)?(size|headcount|employees)$/, "employees"],
  [/^(lead|original|account|company)?source$/, "source"],
  [/^(company|account|organi[sz]ation|record)?owner(email)?$/, "owner"],
  [/^(tags?|labels?|categories)$/, "tags"],
  [/^(billing|shipping|company|account|organi[sz]ation)?(street|streetaddress|address)$/, "street"],
  [/^(billing|shipping|company|account|organi[sz]ation)?(city|town)$/, "city"],
  [/^(billing|shipping|company|account|organi[sz]ation)?(postalcode|zip|zipcode|postcode)$/, "postalCode"],
  [/^(billing|shipping|company|account|organi[sz]ation)?(state|region|province|stateregion|stateprovince)$/, "region"],
  [/^(billing|shipping|company|account|organi[sz]ation)?(country|countryregion|countrycode)$/, "country"],
  [/^notes?$|^description$|^(company|account)description$/, "notes"],
];

/** "https://www.acme.com/about" → "acme.com"; a bare domain stays as it is (lower-cased). */
export function domainOfWebsite(cell: string): string {
  const text = cell.trim().toLowerCase();
  let host = text;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    // Not a URL: the schema rejects it below with the column named.
  }
  return host.replace(/^www\./, "").replace(/\.$/, "");
}

/** "1,200", "1 200", "1200.0" → 1200; anything else is passed on for the schema to reject. */
function employeesOf(cell: string): number | string {
  const digits = cell.replace(/[\s,'_]/g, "").replace(/\.0+$/, "");
  return /^\d+$/.test(digits) ? Number(digits) : cell;
}

const ADDRESS_PARTS = new Set(["street", "city", "postalCode"]);

/**
 * Reads one row of a companies file through the column mapping, like `readRow` does for
 * people: empty cells are absent, multi-valued cells split on ";", the values go through
 * the companies API's schema and normalisation, and every problem names its column.
 * A website gives the domain when no domain column has one.
 */
export function readCompanyRow(cells: string[], ctx: RowContext): { values: CompanyImportValues; errors: RowError[] } {
  const errors: RowError[] = [];
  const single = new Map<string, string>();
  const domains: string[] = [];
  const phones: { value: string; column: string }[] = [];
  const tags: string[] = [];
  const address: Record<string, string> = {};
  const custom: Record<string, unknown> = {};
  const columnOf = new Map<string, string>();
  const defs = new Map(ctx.customDefs.map((d) => [d.key, d]));

  ctx.mapping.forEach((target, i) => {
    if (!target) return;
    const column = ctx.headers[i] ?? `Column ${i + 1}`;
    if (!columnOf.has(target)) columnOf.set(target, column);
    const cell = restoreCell(cells[i] ?? "").trim();
    if (!cell) return;
    if (target === "domain") domains.push(...splitMulti(cell));
    else if (target === "phone") phones.push(...splitMulti(cell).map((value) => ({ value, column })));
    else if (target === "tags") tags.push(...splitMulti(cell));
    else if (target.startsWith("custom.")) {
      const def = defs.get(target.slice(7));
      if (def) custom[def.key] = parseCustomCell(def, cell);
    } else if (ADDRESS_PARTS.has(target)) address[target] = cell;
    else if (!single.has(target)) single.set(target, cell);
  });
  const col = (target: string) => columnOf.get(target) ?? target;

  const domainCell = domains[0] ?? single.get("website");
  const domain = domainCell ? domainOfWebsite(domainCell) : undefined;
  const country = single.get("country") ? countryCode(single.get("country") as string) : undefined;
  const employees = single.get("employees");
  const region = single.get("region");
  if (country) address.country = country;
  if (region && Object.keys(address).length) address.region = region;
  const body = {
    name: single.get("name") ?? "",
    domain,
    industry: single.get("industry"),
    employees: employees === undefined ? undefined : employeesOf(employees),
    region,
    country,
    source: single.get("source"),
    notes: single.get("notes"),
    phones: phones.map((p) => p.value),
    tags,
    ...(Object.keys(address).length ? { addresses: [address] } : {}),
    custom,
  };
  const parsed = createCompanyBodySchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index, part] = issue.path.map(String);
      const column =
        field === "phones"
          ? phones[Number(index)]?.column
          : field === "domain"
            ? col(domains.length ? "domain" : "website")
            : field === "addresses"
              ? col(part ?? "street")
              : col(field ?? "");
      const reason = field === "name" ? "a company name is required" : issue.message;
      errors.push({ column: column ?? "", reason });
    }
  }
  const p = normalisePhones(body.phones, ctx.defaultCountry, "phones");
  const c = validateCustomValues(ctx.customDefs, custom, { partial: false, defaultCountry: ctx.defaultCountry });
  for (const err of p.errors) errors.push({ column: phones[Number(err.path.split(".")[1])]?.column ?? col("phone"), reason: err.message });
  for (const err of c.errors) errors.push({ column: col(`custom.${err.path.replace(/^body\.custom\./, "")}`), reason: err.message });
  const owner = single.get("owner");
  if (owner && owner.length > 254) errors.push({ column: col("owner"), reason: "not a user of this workspace" });

  const data = parsed.success ? parsed.data : undefined;
  const values: CompanyImportValues = {
    name: data?.name ?? body.name,
    phones: p.values,
    tags: normaliseTags(tags),
    custom: Object.fromEntries(Object.entries(c.values).filter(([, v]) => v !== null)),
  };
  for (const key of ["domain", "industry", "employees", "region", "country", "source", "notes"] as const) {
    const v = data?.[key];
    if (v !== undefined && v !== null) (values as Record<string, unknown>)[key] = v;
  }
  if (data?.addresses?.[0]) values.address = data.addresses[0];
  if (owner) values.owner = owner;
  return { values, errors };
}

/** The values of a company row keyed by mapping target, for the preview. */
export function previewCompanyValues(v: CompanyImportValues): Record<string, unknown> {
  const out: Record<string, unknown> = { name: v.name };
  for (const key of ["domain", "industry", "employees", "source", "owner", "notes"] as const) if (v[key] !== undefined) out[key] = v[key];
  if (v.phones.length) out.phone = v.phones;
  if (v.tags.length) out.tags = v.tags;
  for (const [k, value] of Object.entries(v.address ?? {})) out[k] = value;
  if (v.region !== undefined) out.region = v.region;
  if (v.country !== undefined) out.country = v.country;
  for (const [k, value] of Object.entries(v.custom)) out[`custom.${k}`] = value;
  return out;
}

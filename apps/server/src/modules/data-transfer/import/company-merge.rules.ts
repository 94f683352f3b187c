import type { Address } from "@rapport/contract";
import type { CompanyImportValues } from "./company-values.rules.js";

/** The stored values of a company an import writes (the columns of `companies` it may set). */
export type StoredCompany = {
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  region: string | null;
  country: string | null;
  phones: string[];
  addresses: Address[];
  tags: string[];
  source: string | null;
  notes: string | null;
  owner_id: string | null;
  custom: Record<string, unknown>;
};

export const emptyCompany = (ownerId: string | null): StoredCompany => ({
  name: "",
  domain: null,
  industry: null,
  employees: null,
  region: null,
  country: null,
  phones: [],
  addresses: [],
  tags: [],
  source: null,
  notes: null,
  owner_id: ownerId,
  custom: {},
});

export function pickStoredCompany(row: Omit<StoredCompany, "addresses"> & { addresses: unknown[] }): StoredCompany {
  const { name, domain, industry, employees, region, country, phones, tags, source, notes, owner_id, custom } = row;
  // The addresses column (jsonb) is only ever written from validated address objects.
  const addresses = row.addresses as StoredCompany["addresses"];
  return { name, domain, industry, employees, region, country, phones, addresses, tags, source, notes, owner_id, custom };
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * A row over a company's stored values: the cells it has replace single values (empty cells
 * never clear anything), phones and tags are added, custom values merged, the address parts
 * merged into the first address. `ownerId`: the owner the row names, if any.
 */
export function applyCompanyRow(stored: StoredCompany, v: CompanyImportValues, ownerId: string | undefined): StoredCompany {
  const [first, ...rest] = stored.addresses;
  return {
    name: v.name || stored.name,
    domain: v.domain ?? stored.domain,
    industry: v.industry ?? stored.industry,
    employees: v.employees ?? stored.employees,
    region: v.region ?? stored.region,
    country: v.country ?? stored.country,
    phones: union(stored.phones, v.phones),
    addresses: v.address ? [{ ...first, ...v.address }, ...rest] : stored.addresses,
    tags: union(stored.tags, v.tags),
    source: v.source ?? stored.source,
    notes: v.notes ?? stored.notes,
    owner_id: ownerId ?? stored.owner_id,
    custom: { ...stored.custom, ...v.custom },
  };
}

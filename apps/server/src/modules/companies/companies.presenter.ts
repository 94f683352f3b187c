import type { Address, Company } from "@rapport/contract";
import type { CompanyRow } from "./companies.repository.js";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** `peopleCount` counts the linked live people the caller may see. */
export function presentCompany(c: CompanyRow, peopleCount: number, visibleCustomKeys: Set<string>): Company {
  return {
    id: c.id,
    name: c.name,
    domain: c.domain,
    industry: c.industry,
    size: c.size,
    employees: c.employees,
    region: c.region,
    country: c.country,
    phones: c.phones,
    addresses: c.addresses as Address[],
    social: c.social as Record<string, string>,
    lifecycleStage: c.lifecycle_stage as Company["lifecycleStage"],
    source: c.source,
    ownerId: c.owner_id,
    tags: c.tags,
    notes: c.notes,
    // Values of deleted field definitions stay stored but are not shown.
    custom: Object.fromEntries(Object.entries(c.custom).filter(([k]) => visibleCustomKeys.has(k))),
    peopleCount,
    lastInteractionAt: iso(c.last_interaction_at),
    createdAt: iso(c.created_at) as string,
    updatedAt: iso(c.updated_at) as string,
    deletedAt: iso(c.deleted_at),
  };
}

/** The audited fields of a company (events and the audit trail). */
export function companySnapshot(c: Company) {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, lastInteractionAt: _l, peopleCount: _p, ...rest } = c;
  return rest;
}

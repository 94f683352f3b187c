import type { Address, Contact } from "@rapport/contract";
import type { CompanyLinkRow, ContactRow } from "./contacts.repository.js";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentContact(c: ContactRow, links: CompanyLinkRow[], visibleCustomKeys: Set<string>): Contact {
  return {
    id: c.id,
    firstName: c.first_name,
    lastName: c.last_name,
    name: c.name,
    title: c.title,
    emails: c.emails,
    phones: c.phones,
    addresses: c.addresses as Address[],
    social: c.social as Record<string, string>,
    lifecycleStage: c.lifecycle_stage as Contact["lifecycleStage"],
    source: c.source,
    ownerId: c.owner_id,
    tags: c.tags,
    notes: c.notes,
    // Values of deleted field definitions stay stored but are not shown.
    custom: Object.fromEntries(Object.entries(c.custom).filter(([k]) => visibleCustomKeys.has(k))),
    companies: links.map((l) => ({ companyId: l.company_id, name: l.name, role: l.role, isPrimary: l.is_primary })),
    lastInteractionAt: iso(c.last_interaction_at),
    createdAt: iso(c.created_at) as string,
    updatedAt: iso(c.updated_at) as string,
    deletedAt: iso(c.deleted_at),
  };
}

/** The audited fields of a contact (events and the audit trail). */
export function contactSnapshot(c: Contact) {
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, deletedAt: _d, lastInteractionAt: _l, companies, ...rest } = c;
  return { ...rest, companyIds: companies.map((x) => x.companyId) };
}

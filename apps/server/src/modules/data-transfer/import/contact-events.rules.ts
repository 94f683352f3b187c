import { diff, type FieldChange } from "../../../platform/events/outbox.js";
import type { StoredContact } from "./contact-merge.rules.js";

/**
 * The audited fields of a person as the contacts commands put them in events
 * (`contactSnapshot` of the contacts module), built from the stored columns an import writes.
 * `social` is left out: an import never changes it.
 */
export function storedSnapshot(c: StoredContact, companyIds: string[]) {
  return {
    firstName: c.first_name,
    lastName: c.last_name,
    title: c.title,
    emails: c.emails,
    phones: c.phones,
    addresses: c.addresses,
    lifecycleStage: c.lifecycle_stage,
    source: c.source,
    ownerId: c.owner_id,
    tags: c.tags,
    notes: c.notes,
    custom: c.custom,
    companyIds,
  };
}

export type UpdatedPayload = { changes: Record<string, FieldChange>; ownerId: string | null; previousOwnerId: string | null };

/**
 * The payload of the `contact.updated` event of a person an import changed — the shape
 * `updateContact` writes — or null when the rows changed nothing (no event, as there).
 */
export function updatedPayload(
  before: StoredContact,
  beforeCompanyIds: string[],
  next: StoredContact,
  nextCompanyIds: string[],
): UpdatedPayload | null {
  const changes = diff(storedSnapshot(before, beforeCompanyIds), storedSnapshot(next, nextCompanyIds));
  if (Object.keys(changes).length === 0) return null;
  return { changes, ownerId: next.owner_id, previousOwnerId: before.owner_id };
}

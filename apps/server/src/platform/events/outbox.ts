import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/principal.js";
import type { DB } from "../db/schema.js";

/** A field that changed, as carried by update events and shown in the audit trail. */
export type FieldChange = { old: unknown; new: unknown };

export type DomainEventInput = {
  type: string;
  entityType: string;
  entityId: string;
  /** `changes` (field → old/new) is what the audit trail records; the rest is free-form. */
  payload: { changes?: Record<string, FieldChange>; [k: string]: unknown };
};

/**
 * Writes a domain event in the caller's transaction: the event exists exactly when the
 * change it describes was committed.
 */
export async function recordEvent(tx: Transaction<DB>, actor: Actor, e: DomainEventInput): Promise<string> {
  const id = uuidv7();
  await tx
    .insertInto("domain_events")
    .values({
      workspace_id: actor.workspaceId,
      id,
      type: e.type,
      entity_type: e.entityType,
      entity_id: e.entityId,
      actor_type: actor.type,
      actor_id: actor.id,
      payload: JSON.stringify(e.payload),
    })
    .execute();
  return id;
}

/** The field-by-field difference between two snapshots of a record, for update events. */
export function diff<T extends Record<string, unknown>>(before: T, after: T): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { old: before[key] ?? null, new: after[key] ?? null };
  }
  return changes;
}

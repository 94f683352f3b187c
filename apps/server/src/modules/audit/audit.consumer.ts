import type { EventConsumer, StoredEvent } from "../../platform/events/processor.js";

type AuditRow = {
  workspace_id: string;
  event_id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
};

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * Pure: the audit rows for one event. Updates give one row per changed field (old → new);
 * creations and deletions one row carrying the snapshot.
 */
export function auditRowsFor(e: StoredEvent): AuditRow[] {
  const base = {
    workspace_id: e.workspaceId,
    event_id: e.id,
    occurred_at: e.occurredAt,
    actor_type: e.actorType,
    actor_id: e.actorId,
    action: e.type,
    entity_type: e.entityType,
    entity_id: e.entityId,
  };
  const changes = e.payload.changes as Record<string, { old: unknown; new: unknown }> | undefined;
  if (changes && Object.keys(changes).length > 0) {
    return Object.entries(changes).map(([field, c]) => ({ ...base, field, old_value: json(c.old), new_value: json(c.new) }));
  }
  return [{ ...base, field: "", old_value: json(e.payload.before), new_value: json(e.payload.after) }];
}

/** Sign-ins are security events worth keeping; reads are not recorded. */
export const auditConsumer: EventConsumer = {
  name: "audit",
  async handle(tx, events) {
    const rows = events.flatMap(auditRowsFor);
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto("audit_log")
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) => oc.columns(["workspace_id", "event_id", "field"]).doNothing())
        .execute();
    }
  },
};

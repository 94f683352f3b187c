import { sql } from "kysely";
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

/**
 * Sign-ins are security events worth keeping; reads are not recorded.
 *
 * A batch's rows are one INSERT from column arrays (`unnest`): one statement text whatever
 * the batch size, so PostgreSQL parses and plans it once per connection (a VALUES list
 * was a new statement, 11 parameters a row, for every batch size; decision 0031). A batch
 * handled again after a crash adds nothing (the unique event/field key).
 */
export const auditConsumer: EventConsumer = {
  name: "audit",
  async handle(tx, events) {
    const rows = events.flatMap(auditRowsFor);
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      const col = <K extends keyof AuditRow>(k: K) => part.map((r) => r[k]);
      await sql`
        INSERT INTO audit_log (workspace_id, event_id, occurred_at, actor_type, actor_id, action, entity_type, entity_id, field, old_value, new_value)
        SELECT w, e, o, at, a, ac, et, ei, f, ov::jsonb, nv::jsonb
          FROM unnest(${col("workspace_id")}::uuid[], ${col("event_id")}::uuid[], ${col("occurred_at")}::timestamptz[],
                      ${col("actor_type")}::text[], ${col("actor_id")}::uuid[], ${col("action")}::text[], ${col("entity_type")}::text[],
                      ${col("entity_id")}::uuid[], ${col("field")}::text[], ${col("old_value")}::text[], ${col("new_value")}::text[])
               AS x(w, e, o, at, a, ac, et, ei, f, ov, nv)
        ON CONFLICT (workspace_id, event_id, field) DO NOTHING`.execute(tx);
    }
  },
};

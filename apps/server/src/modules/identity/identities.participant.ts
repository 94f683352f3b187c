import { sql } from "kysely";
import type { MergeParticipant } from "../records/index.js";

/**
 * Identities that are not fields of the record (external ids, extra handles) move to the
 * survivor; the survivor keeps its own when both hold the same one. Identities derived
 * from fields follow the survivor's united fields by themselves.
 */
export const identityMergeParticipant: MergeParticipant = {
  name: "identities",
  async count(tx, ws, fromId) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM contact_identities
       WHERE workspace_id = ${ws}::uuid AND contact_id = ${fromId}::uuid AND source <> 'record'`.execute(tx);
    return Number(r.rows[0]?.n ?? 0);
  },
  async move(tx, ws, fromId, toId) {
    const r = await sql<{ kind: string; value: string }>`
      UPDATE contact_identities m SET contact_id = ${toId}::uuid
       WHERE m.workspace_id = ${ws}::uuid AND m.contact_id = ${fromId}::uuid AND m.source <> 'record'
         AND NOT EXISTS (SELECT 1 FROM contact_identities s WHERE s.workspace_id = m.workspace_id AND s.contact_id = ${toId}::uuid
                            AND s.kind = m.kind AND s.value = m.value)
      RETURNING m.kind, m.value`.execute(tx);
    return { count: r.rows.length, undo: r.rows };
  },
  async restore(tx, ws, fromId, toId, undo) {
    const rows = undo as { kind: string; value: string }[];
    await sql`UPDATE contact_identities m SET contact_id = ${fromId}::uuid
                FROM unnest(${rows.map((x) => x.kind)}::text[], ${rows.map((x) => x.value)}::text[]) AS u(kind, value)
               WHERE m.workspace_id = ${ws}::uuid AND m.contact_id = ${toId}::uuid AND m.kind = u.kind AND m.value = u.value`.execute(tx);
  },
};

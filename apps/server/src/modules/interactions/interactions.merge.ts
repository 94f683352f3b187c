import { sql } from "kysely";
import type { MergeParticipant } from "../records/index.js";

type Undo = { moved: string[]; dropped: { interaction_id: string; occurred_at: string; type: string }[] };

/**
 * Merges move a person's timeline: their interaction links point at the survivor. An
 * interaction already linked to both keeps the survivor's link; the merged person's one is
 * dropped and remembered so undo can put it back.
 */
export const interactionMergeParticipant: MergeParticipant = {
  name: "interactions",
  async count(tx, ws, fromId) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM interaction_links
       WHERE workspace_id = ${ws}::uuid AND entity_type = 'p' AND entity_id = ${fromId}::uuid`.execute(tx);
    return Number(r.rows[0]?.n ?? 0);
  },
  async move(tx, ws, fromId, toId) {
    const dropped = await sql<Undo["dropped"][number]>`
      DELETE FROM interaction_links m
       WHERE m.workspace_id = ${ws}::uuid AND m.entity_type = 'p' AND m.entity_id = ${fromId}::uuid
         AND EXISTS (SELECT 1 FROM interaction_links s WHERE s.workspace_id = m.workspace_id AND s.entity_type = 'p'
                        AND s.entity_id = ${toId}::uuid AND s.interaction_id = m.interaction_id)
      RETURNING m.interaction_id, m.occurred_at, m.type`.execute(tx);
    const moved = await sql<{ interaction_id: string }>`
      UPDATE interaction_links SET entity_id = ${toId}::uuid
       WHERE workspace_id = ${ws}::uuid AND entity_type = 'p' AND entity_id = ${fromId}::uuid
      RETURNING interaction_id`.execute(tx);
    const undo: Undo = { moved: moved.rows.map((r) => r.interaction_id), dropped: dropped.rows };
    return { count: moved.rows.length + dropped.rows.length, undo };
  },
  async restore(tx, ws, fromId, toId, raw) {
    const undo = raw as Undo;
    await sql`UPDATE interaction_links SET entity_id = ${fromId}::uuid
               WHERE workspace_id = ${ws}::uuid AND entity_type = 'p' AND entity_id = ${toId}::uuid
                 AND interaction_id = ANY(${undo.moved}::uuid[])`.execute(tx);
    if (undo.dropped.length > 0) {
      await sql`INSERT INTO interaction_links (workspace_id, interaction_id, entity_type, entity_id, occurred_at, type)
                SELECT ${ws}::uuid, d.interaction_id, 'p', ${fromId}::uuid, d.occurred_at, d.type
                  FROM jsonb_to_recordset(${JSON.stringify(undo.dropped)}::jsonb) AS d(interaction_id uuid, occurred_at timestamptz, type text)
                ON CONFLICT DO NOTHING`.execute(tx);
    }
  },
};

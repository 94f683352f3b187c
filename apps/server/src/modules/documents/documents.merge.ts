import { sql } from "kysely";
import type { MergeParticipant } from "../records/index.js";

/** Merges move the merged person's documents to the survivor; undo moves exactly those back. */
export const documentMergeParticipant: MergeParticipant = {
  name: "documents",
  async count(tx, ws, fromId) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM documents
       WHERE workspace_id = ${ws}::uuid AND entity_type = 'p' AND entity_id = ${fromId}::uuid`.execute(tx);
    return Number(r.rows[0]?.n ?? 0);
  },
  async move(tx, ws, fromId, toId) {
    const r = await sql<{ id: string }>`UPDATE documents SET entity_id = ${toId}::uuid
       WHERE workspace_id = ${ws}::uuid AND entity_type = 'p' AND entity_id = ${fromId}::uuid RETURNING id`.execute(tx);
    return { count: r.rows.length, undo: r.rows.map((x) => x.id) };
  },
  async restore(tx, ws, fromId, toId, undo) {
    await sql`UPDATE documents SET entity_id = ${fromId}::uuid
               WHERE workspace_id = ${ws}::uuid AND entity_type = 'p' AND entity_id = ${toId}::uuid
                 AND id = ANY(${undo as string[]}::uuid[])`.execute(tx);
  },
};

import { sql, type Transaction } from "kysely";
import type { Actor } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { recordEvent } from "../../platform/events/outbox.js";
import { customFieldsRepository } from "../custom-fields/index.js";
import type { MergeParticipant } from "../records/index.js";
import { indexRecord } from "../search/index.js";
import type { ContactRow } from "./contacts.repository.js";
import { contactTokens } from "./contacts.search.js";

/**
 * What the people module offers merges (identity resolution): exact snapshots of a
 * person's row and their restoration (undo restores both records exactly), marking a
 * person as merged into another, and moving company links.
 */

/** Every stored column, as JSON: what undo writes back. */
export async function contactRowSnapshot(tx: Transaction<DB>, ws: string, id: string): Promise<Record<string, unknown>> {
  const r = await sql<{ row: Record<string, unknown> }>`SELECT to_jsonb(c) AS row FROM contacts c
     WHERE c.workspace_id = ${ws}::uuid AND c.id = ${id}::uuid FOR UPDATE`.execute(tx);
  const row = r.rows[0]?.row;
  if (!row) throw new Error(`contact ${id} vanished`);
  return row;
}

/** The columns a snapshot restores (generated ones follow by themselves). */
const RESTORED = [
  "first_name",
  "last_name",
  "title",
  "emails",
  "phones",
  "addresses",
  "social",
  "lifecycle_stage",
  "source",
  "owner_id",
  "tags",
  "notes",
  "custom",
  "last_interaction_at",
  "created_at",
  "updated_at",
  "deleted_at",
  "merged_into",
] as const;

/** Writes a snapshot back and re-indexes the person for search; emits the matching event. */
export async function restoreContactSnapshot(tx: Transaction<DB>, actor: Actor, snapshot: Record<string, unknown>, reason: string) {
  const ws = actor.workspaceId;
  const id = snapshot.id as string;
  const cols = sql.join(RESTORED.map((c) => sql`${sql.ref(c)} = s.${sql.ref(c)}`));
  const r = await sql<ContactRow>`UPDATE contacts c SET ${cols}
      FROM jsonb_populate_record(NULL::contacts, ${JSON.stringify(snapshot)}::jsonb) s
     WHERE c.workspace_id = ${ws}::uuid AND c.id = ${id}::uuid RETURNING c.*`.execute(tx);
  const row = r.rows[0];
  if (!row) throw new Error(`contact ${id} vanished`);
  const defs = await customFieldsRepository.list(tx, ws, "contact");
  await indexRecord(tx, ws, "p", id, contactTokens(row, defs));
  await recordEvent(tx, actor, {
    type: row.deleted_at ? "contact.updated" : "contact.restored",
    entityType: "contact",
    entityId: id,
    payload: { reason, ownerId: row.owner_id, after: { firstName: row.first_name, lastName: row.last_name } },
  });
}

/** Soft-deletes the merged person and points it at the survivor. */
export async function markContactMerged(tx: Transaction<DB>, actor: Actor, mergedId: string, survivorId: string) {
  const r = await sql<{
    owner_id: string | null;
  }>`UPDATE contacts SET deleted_at = now(), merged_into = ${survivorId}::uuid, updated_at = now()
     WHERE workspace_id = ${actor.workspaceId}::uuid AND id = ${mergedId}::uuid RETURNING owner_id`.execute(tx);
  await recordEvent(tx, actor, {
    type: "contact.deleted",
    entityType: "contact",
    entityId: mergedId,
    payload: { changes: { deleted: { old: false, new: true } }, ownerId: r.rows[0]?.owner_id ?? null, mergedInto: survivorId },
  });
}

type LinkUndo = { removed: { company_id: string; role: string | null; is_primary: boolean }[]; added: string[] };

/** Company links move to the survivor; the survivor keeps its primary company. */
export const companyLinkMergeParticipant: MergeParticipant = {
  name: "companyLinks",
  async count(tx, ws, fromId) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM contact_companies
       WHERE workspace_id = ${ws}::uuid AND contact_id = ${fromId}::uuid`.execute(tx);
    return Number(r.rows[0]?.n ?? 0);
  },
  async move(tx, ws, fromId, toId) {
    const removed = await sql<LinkUndo["removed"][number]>`DELETE FROM contact_companies
       WHERE workspace_id = ${ws}::uuid AND contact_id = ${fromId}::uuid RETURNING company_id, role, is_primary`.execute(tx);
    const added = await sql<{ company_id: string }>`
      INSERT INTO contact_companies (workspace_id, contact_id, company_id, role, is_primary)
      SELECT ${ws}::uuid, ${toId}::uuid, x.company_id, x.role,
             x.is_primary AND NOT EXISTS (SELECT 1 FROM contact_companies p WHERE p.workspace_id = ${ws}::uuid AND p.contact_id = ${toId}::uuid)
        FROM jsonb_to_recordset(${JSON.stringify(removed.rows)}::jsonb) AS x(company_id uuid, role text, is_primary boolean)
      ON CONFLICT DO NOTHING RETURNING company_id`.execute(tx);
    const undo: LinkUndo = { removed: removed.rows, added: added.rows.map((a) => a.company_id) };
    return { count: removed.rows.length, undo };
  },
  async restore(tx, ws, fromId, toId, raw) {
    const undo = raw as LinkUndo;
    await sql`DELETE FROM contact_companies WHERE workspace_id = ${ws}::uuid AND contact_id = ${toId}::uuid
                AND company_id = ANY(${undo.added}::uuid[])`.execute(tx);
    await sql`INSERT INTO contact_companies (workspace_id, contact_id, company_id, role, is_primary)
              SELECT ${ws}::uuid, ${fromId}::uuid, x.company_id, x.role, x.is_primary
                FROM jsonb_to_recordset(${JSON.stringify(undo.removed)}::jsonb) AS x(company_id uuid, role text, is_primary boolean)
              ON CONFLICT DO NOTHING`.execute(tx);
  },
};

import type { bulkActionBodySchema } from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import type { z } from "zod";
import type { Actor } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { recordEvent } from "../../platform/events/outbox.js";
import { forbidden } from "../../platform/http/problem.js";
import { canSeeOwner, type RecordVisibility } from "../iam/index.js";
import { type EntityCode, indexRecord, type Token } from "../search/index.js";

type BulkAction = z.output<typeof bulkActionBodySchema>;
type Table = "contacts" | "companies";
export type RecordKind<Row> = {
  table: Table;
  entity: EntityCode;
  entityType: "contact" | "company";
  tokens(row: Row): Token[];
};

export function normaliseTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim();
    if (tag && !out.some((o) => o.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

/**
 * Applies one action to many people or companies. Only records the caller can see are
 * touched; each gets its own event, so the audit trail and the realtime stream show every
 * change. Returns how many records changed.
 */
export async function bulkRecords<Row>(
  tx: Transaction<DB>,
  actor: Actor,
  visibility: RecordVisibility,
  kind: RecordKind<Row>,
  action: BulkAction,
): Promise<number> {
  const ws = actor.workspaceId;
  const t = sql.table(kind.table);
  const ids = [...new Set(action.ids)];
  const visible = visibility.all ? sql`true` : sql`(owner_id IS NULL OR owner_id = ANY(${visibility.ownerIds}::uuid[]))`;
  const inTrash = action.action === "restore" ? sql`deleted_at IS NOT NULL` : sql`deleted_at IS NULL`;
  let assignment: ReturnType<typeof sql>;
  let field: string;
  let oldExpr: ReturnType<typeof sql>;
  switch (action.action) {
    case "addTags":
      assignment = sql`tags = ARRAY(SELECT DISTINCT unnest(r.tags || ${normaliseTags(action.tags)}::text[]))`;
      field = "tags";
      oldExpr = sql`to_jsonb(old.tags)`;
      break;
    case "removeTags":
      assignment = sql`tags = ARRAY(SELECT x FROM unnest(r.tags) x WHERE lower(x) <> ALL(${action.tags.map((x) => x.trim().toLowerCase())}::text[]))`;
      field = "tags";
      oldExpr = sql`to_jsonb(old.tags)`;
      break;
    case "setOwner":
      if (!canSeeOwner(visibility, action.ownerId)) throw forbidden("You can only assign records to yourself or your teammates.");
      assignment = sql`owner_id = ${action.ownerId}::uuid`;
      field = "ownerId";
      oldExpr = sql`to_jsonb(old.owner_id)`;
      break;
    default:
      assignment = sql`deleted_at = ${action.action === "delete" ? sql`now()` : sql`NULL`}`;
      field = "deleted";
      oldExpr = sql`to_jsonb(old.deleted_at IS NOT NULL)`;
  }
  // One statement: lock the visible rows, remember their old value, update them.
  const changed = await sql<{ id: string; owner_id: string | null; old: unknown; new: unknown }>`
    WITH old AS (
      SELECT id, owner_id, tags, deleted_at FROM ${t}
       WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::uuid[]) AND ${inTrash} AND ${visible}
       FOR UPDATE)
    UPDATE ${t} AS r SET ${assignment}, updated_at = now()
      FROM old WHERE r.workspace_id = ${ws}::uuid AND r.id = old.id
    RETURNING r.id, r.owner_id, ${oldExpr} AS old,
      ${field === "tags" ? sql`to_jsonb(r.tags)` : field === "ownerId" ? sql`to_jsonb(r.owner_id)` : sql`to_jsonb(r.deleted_at IS NOT NULL)`} AS new`.execute(
    tx,
  );
  if (field === "tags" && changed.rows.length > 0) {
    const rows = await sql<
      Row & { id: string }
    >`SELECT * FROM ${t} WHERE workspace_id = ${ws}::uuid AND id = ANY(${changed.rows.map((r) => r.id)}::uuid[])`.execute(tx);
    for (const row of rows.rows) await indexRecord(tx, ws, kind.entity, row.id, kind.tokens(row));
  }
  const type = action.action === "delete" ? "deleted" : action.action === "restore" ? "restored" : "updated";
  for (const r of changed.rows) {
    await recordEvent(tx, actor, {
      type: `${kind.entityType}.${type}`,
      entityType: kind.entityType,
      entityId: r.id,
      payload: { changes: { [field]: { old: r.old ?? null, new: r.new ?? null } }, ownerId: r.owner_id, bulk: action.ids.length > 1 },
    });
  }
  return changed.rows.length;
}

import { sql, type Transaction } from "kysely";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { contactsRepository, restoreContactSnapshot } from "../../contacts/index.js";
import type { RecordVisibility } from "../../iam/index.js";
import type { MergeParticipants } from "../../records/index.js";
import { laterMergeFirst, mergeAlreadyUndone, mergeNotRestorable } from "../identity.errors.js";
import { presentMerge } from "../identity.presenter.js";
import { reviewRepository } from "../identity-review.repository.js";
import { participantsOf } from "./merge-contacts.js";

/**
 * Undoes a merge: every participant moves back exactly what it moved, then both people are
 * written back from their snapshots (the merged one live again), and the pair is open for
 * review again. Only the latest merge touching either person can be undone.
 */
export async function undoMerge(tx: Transaction<DB>, actor: Actor, visibility: RecordVisibility, registry: MergeParticipants, id: string) {
  const ws = actor.workspaceId;
  const m = await reviewRepository.mergeForUndo(tx, ws, id);
  if (!m) throw notFound("merge");
  for (const cid of [m.survivor_id, m.merged_id]) {
    if (!(await contactsRepository.byId(tx, ws, cid, visibility, { includeDeleted: true, forUpdate: true }))) throw notFound("merge");
  }
  if (m.undone_at) throw mergeAlreadyUndone();
  const later = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contact_merges
     WHERE workspace_id = ${ws}::uuid AND undone_at IS NULL AND id <> ${id}::uuid AND created_at >= ${m.created_at}
       AND (survivor_id IN (${m.survivor_id}::uuid, ${m.merged_id}::uuid) OR merged_id IN (${m.survivor_id}::uuid, ${m.merged_id}::uuid))`.execute(
    tx,
  );
  if ((later.rows[0]?.n ?? 0) > 0) throw laterMergeFirst();
  const merged = await contactsRepository.byId(tx, ws, m.merged_id, { all: true }, { includeDeleted: true });
  if (!merged?.deleted_at || merged.merged_into !== m.survivor_id) throw mergeNotRestorable();

  for (const p of [...participantsOf(registry)].reverse()) {
    const moved = m.moved[p.name];
    if (moved) await p.restore(tx, ws, m.merged_id, m.survivor_id, moved.undo);
  }
  await restoreContactSnapshot(tx, actor, m.survivor_before, "merge_undone");
  await restoreContactSnapshot(tx, actor, m.merged_before, "merge_undone");
  const by = actor.type === "system" ? null : actor.id;
  await reviewRepository.decidePair(tx, ws, m.survivor_id, m.merged_id, "open", by, id);
  await reviewRepository.markUndone(tx, ws, id, by);
  await recordEvent(tx, actor, {
    type: "merge.undone",
    entityType: "merge",
    entityId: id,
    payload: {
      survivorId: m.survivor_id,
      mergedId: m.merged_id,
      ownerId: (m.survivor_before.owner_id as string | null) ?? null,
      mergedOwnerId: (m.merged_before.owner_id as string | null) ?? null,
    },
  });
  const [row] = await reviewRepository.listMerges(tx, ws, { all: true }, { id, after: null, limit: 1 });
  return presentMerge(row as NonNullable<typeof row>);
}

import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import type { RecordVisibility } from "../../iam/index.js";
import { presentDuplicate } from "../identity.presenter.js";
import { reviewRepository } from "../identity-review.repository.js";

/** "Not a duplicate": the two people are never proposed or merged again. */
export async function markDistinct(tx: Transaction<DB>, actor: Actor, visibility: RecordVisibility, id: string) {
  const ws = actor.workspaceId;
  const row = await reviewRepository.candidate(tx, ws, visibility, id);
  if (!row) throw notFound("duplicate");
  await reviewRepository.decidePair(tx, ws, row.a.id, row.b.id, "distinct", actor.type === "system" ? null : actor.id, uuidv7());
  await recordEvent(tx, actor, {
    type: "duplicate.marked_distinct",
    entityType: "duplicate",
    entityId: id,
    payload: { contactIds: [row.a.id, row.b.id], ownerId: row.a.owner_id, otherOwnerId: row.b.owner_id },
  });
  return presentDuplicate({ ...row, status: "distinct" });
}

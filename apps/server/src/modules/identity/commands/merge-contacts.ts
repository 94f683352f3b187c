import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { contactContext, contactRowSnapshot, contactsRepository, markContactMerged, updateContact } from "../../contacts/index.js";
import { customFieldsRepository } from "../../custom-fields/index.js";
import type { RecordVisibility } from "../../iam/index.js";
import { type MergeParticipants, setLastInteraction } from "../../records/index.js";
import { identityMergeParticipant } from "../identities.participant.js";
import { markedDistinct, sameRecord, unknownMergeField } from "../identity.errors.js";
import { presentMerge } from "../identity.presenter.js";
import { reviewRepository } from "../identity-review.repository.js";
import { resolveFields, type Side, unionValues } from "../merge-defaults.rules.js";
import { mergeFields, mergeSide, survivorUpdate } from "../merge-fields.js";

export type MergeInput = { survivorId: string; mergedId: string; fields: Record<string, Side> };

/** Every participant of a merge: the identity module's own first, then the registered ones. */
export const participantsOf = (registry: MergeParticipants) => [identityMergeParticipant, ...registry.all()];

/** Both people, locked, if the caller may see them (404 otherwise, whichever is hidden). */
async function lockPair(tx: Transaction<DB>, ws: string, v: RecordVisibility, input: { survivorId: string; mergedId: string }) {
  if (input.survivorId === input.mergedId) throw sameRecord();
  // Lock in id order so two merges of the same pair cannot deadlock.
  const [first, second] = [input.survivorId, input.mergedId].sort();
  const rows = new Map();
  for (const id of [first, second] as string[]) {
    const row = await contactsRepository.byId(tx, ws, id, v, { forUpdate: true });
    if (!row) throw notFound("contact");
    rows.set(id, row);
  }
  return { survivor: rows.get(input.survivorId), merged: rows.get(input.mergedId) };
}

/**
 * Merges one person into another in one transaction: the survivor takes the chosen
 * values (defaults for the rest) and the union of emails, phones and tags; every
 * participant moves its rows; the merged person is soft-deleted pointing at the survivor.
 * Both rows are stored as they were, with what moved, so undo restores them exactly.
 */
export async function mergeContacts(
  tx: Transaction<DB>,
  actor: Actor,
  visibility: RecordVisibility,
  registry: MergeParticipants,
  input: MergeInput,
  opts: { automatic?: boolean } = {},
) {
  const ws = actor.workspaceId;
  const { survivor, merged } = await lockPair(tx, ws, visibility, input);
  const pair = await reviewRepository.pair(tx, ws, survivor.id, merged.id, true);
  if (pair?.status === "distinct") throw markedDistinct();
  const defs = await customFieldsRepository.list(tx, ws, "contact");
  const fields = mergeFields(survivor, merged, defs);
  const unknown = Object.keys(input.fields).filter((f) => !fields.some((x) => x.field === f));
  if (unknown.length > 0) throw unknownMergeField(unknown);
  const choices = resolveFields(
    fields.map((f) => f.field),
    mergeSide(survivor, fields, "survivor"),
    mergeSide(merged, fields, "merged"),
    input.fields,
  );

  const survivorBefore = await contactRowSnapshot(tx, ws, survivor.id);
  const mergedBefore = await contactRowSnapshot(tx, ws, merged.id);
  const moved: Record<string, { count: number; undo: unknown }> = {};
  for (const p of participantsOf(registry)) moved[p.name] = await p.move(tx, ws, merged.id, survivor.id);

  const update = survivorUpdate(fields, choices, {
    emails: unionValues(survivor.emails, merged.emails),
    phones: unionValues(survivor.phones, merged.phones),
    tags: unionValues(survivor.tags, merged.tags),
  });
  const ctx = await contactContext(tx, { actor }, "US");
  await updateContact(ctx, survivor.id, update as never);
  if (merged.last_interaction_at) {
    await setLastInteraction(tx, ws, "p", [{ id: survivor.id, at: new Date(merged.last_interaction_at) }], "greatest");
  }
  await markContactMerged(tx, actor, merged.id, survivor.id);

  const id = uuidv7();
  const by = actor.type === "system" ? null : actor.id;
  const candidateId = await reviewRepository.decidePair(tx, ws, survivor.id, merged.id, "merged", by, uuidv7());
  await reviewRepository.withdrawOpen(tx, ws, merged.id);
  const changed = Object.fromEntries(Object.entries(choices).filter(([, side]) => side === "merged"));
  await reviewRepository.insertMerge(tx, ws, {
    id,
    survivorId: survivor.id,
    mergedId: merged.id,
    fields: changed,
    survivorBefore,
    mergedBefore,
    moved,
    candidateId,
    automatic: opts.automatic ?? false,
    by,
  });
  const counts = Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.count]));
  await recordEvent(tx, actor, {
    type: "merge.created",
    entityType: "merge",
    entityId: id,
    payload: {
      survivorId: survivor.id,
      mergedId: merged.id,
      fields: changed,
      moved: counts,
      automatic: opts.automatic ?? false,
      ownerId: survivor.owner_id,
      mergedOwnerId: merged.owner_id,
    },
  });
  const [row] = await reviewRepository.listMerges(tx, ws, { all: true } as RecordVisibility, { id, after: null, limit: 1 });
  return presentMerge(row as NonNullable<typeof row>);
}

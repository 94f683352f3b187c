import type { createInteractionBodySchema, Interaction, updateInteractionBodySchema } from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import { can } from "../../../platform/auth/permissions.js";
import { type Actor, actorOf, type Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, forbidden, notFound } from "../../../platform/http/problem.js";
import { contactsRepository } from "../../contacts/index.js";
import { type RecordVisibility, recordVisibility } from "../../iam/index.js";
import { setLastInteraction, visibleRecords } from "../../records/index.js";
import type { EntityCode } from "../../search/index.js";
import { parseMentions } from "../interaction.rules.js";
import { interactionSnapshot, presentInteraction, type Related } from "../interactions.presenter.js";
import { interactionsRepository } from "../interactions.repository.js";
import { type Linked, notifyMentions } from "./notify-mentions.js";

type CreateInput = z.output<typeof createInteractionBodySchema>;
type UpdateInput = z.output<typeof updateInteractionBodySchema>;
type FieldError = { path: string; message: string };
type Context = { tx: Transaction<DB>; principal: Principal; actor: Actor; visibility: RecordVisibility };

export async function interactionContext(tx: Transaction<DB>, principal: Principal): Promise<Context> {
  return { tx, principal, actor: actorOf(principal), visibility: await recordVisibility(tx, principal) };
}

const unique = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/** Errors for ids among `ids` that are not users of the workspace. */
async function notUsers(ctx: Context, ids: string[], path: string, message: string): Promise<FieldError[]> {
  const found = await contactsRepository.existingUserIds(ctx.tx, ctx.actor.workspaceId, ids);
  return ids.filter((id) => !found.includes(id)).map((id) => ({ path, message: `${message}: ${id}` }));
}

function checkTimes(occurredAt: Date, endsAt: Date | null): FieldError[] {
  return endsAt && endsAt < occurredAt ? [{ path: "body.endsAt", message: "ends before it starts" }] : [];
}

function fail(errors: FieldError[]) {
  if (errors.length) throw badRequest("validation_failed", "The request is not valid.", errors);
}

/** Keeps `last_interaction_at` of the linked records equal to their latest live interaction. */
async function refreshLastInteraction(ctx: Context, linked: Linked) {
  const ws = ctx.actor.workspaceId;
  for (const [entity, ids] of [
    ["p", linked.contactIds],
    ["c", linked.companyIds],
  ] as [EntityCode, string[]][]) {
    await setLastInteraction(ctx.tx, ws, entity, await interactionsRepository.latestOf(ctx.tx, ws, entity, ids), "exact");
  }
}

/** All links (for bookkeeping and events) and what the caller may see of them (for the response). */
async function relatedOf(ctx: Context, id: string): Promise<{ linked: Linked; related: Related }> {
  const ws = ctx.actor.workspaceId;
  const all = await interactionsRepository.links(ctx.tx, ws, [id], undefined);
  const idsOf = (e: EntityCode) => all.filter((l) => l.entity_type === e).map((l) => l.entity_id);
  const visible = ctx.visibility.all ? all : await interactionsRepository.links(ctx.tx, ws, [id], ctx.visibility);
  return {
    linked: { contactIds: idsOf("p"), companyIds: idsOf("c") },
    related: { links: visible, attendees: await interactionsRepository.attendees(ctx.tx, ws, [id]) },
  };
}

export async function createInteraction(ctx: Context, input: CreateInput): Promise<Interaction> {
  const ws = ctx.actor.workspaceId;
  const linked = { contactIds: unique(input.contactIds), companyIds: unique(input.companyIds) };
  const errors: FieldError[] = [];
  // Only records the caller may see can be linked; others answer like missing ones.
  for (const [type, path, ids] of [
    ["contact", "body.contactIds", linked.contactIds],
    ["company", "body.companyIds", linked.companyIds],
  ] as const) {
    const found = (await visibleRecords(ctx.tx, ws, type, ids, ctx.visibility)).map((r) => r.id);
    for (const id of ids.filter((x) => !found.includes(x))) errors.push({ path, message: `no ${type} ${id}` });
  }
  const attendeeIds = unique(input.attendeeIds);
  const mentioned = parseMentions(input.body);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  errors.push(
    ...(await notUsers(ctx, attendeeIds, "body.attendeeIds", "not a user of this workspace")),
    ...(await notUsers(ctx, mentioned, "body.body", "mentions someone who is not a user of this workspace")),
    ...checkTimes(occurredAt, endsAt),
  );
  fail(errors);
  const row = await ctx.tx
    .insertInto("interactions")
    .values({
      workspace_id: ws,
      id: uuidv7(),
      type: input.type,
      occurred_at: occurredAt,
      subject: input.subject || null,
      body: input.body || null,
      direction: input.direction ?? null,
      duration_seconds: input.durationSeconds ?? null,
      outcome: input.outcome || null,
      ends_at: endsAt,
      location: input.location || null,
      author_id: ctx.principal.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await interactionsRepository.insertLinks(ctx.tx, ws, row, [
    { entity: "p", ids: linked.contactIds },
    { entity: "c", ids: linked.companyIds },
  ]);
  await interactionsRepository.insertAttendees(ctx.tx, ws, row.id, attendeeIds);
  for (const [entity, ids] of [
    ["p", linked.contactIds],
    ["c", linked.companyIds],
  ] as [EntityCode, string[]][]) {
    await setLastInteraction(
      ctx.tx,
      ws,
      entity,
      ids.map((id) => ({ id, at: occurredAt })),
      "greatest",
    );
  }
  const interaction = presentInteraction(row, (await relatedOf(ctx, row.id)).related);
  await recordEvent(ctx.tx, ctx.actor, {
    type: "interaction.created",
    entityType: "interaction",
    entityId: row.id,
    payload: { after: interactionSnapshot(interaction), ...linked },
  });
  await notifyMentions(ctx.tx, ctx.principal, mentioned, linked);
  return interaction;
}

export async function updateInteraction(ctx: Context, id: string, input: UpdateInput): Promise<Interaction> {
  const ws = ctx.actor.workspaceId;
  const before = await interactionsRepository.byId(ctx.tx, ws, id, ctx.visibility, { forUpdate: true });
  if (!before) throw notFound("interaction");
  const occurredAt = input.occurredAt !== undefined ? new Date(input.occurredAt) : new Date(before.occurred_at);
  const endsAt = input.endsAt !== undefined ? (input.endsAt ? new Date(input.endsAt) : null) : before.ends_at && new Date(before.ends_at);
  const previouslyMentioned = parseMentions(before.body);
  const newlyMentioned = input.body !== undefined ? parseMentions(input.body).filter((u) => !previouslyMentioned.includes(u)) : [];
  fail([
    ...(await notUsers(ctx, newlyMentioned, "body.body", "mentions someone who is not a user of this workspace")),
    ...checkTimes(occurredAt, endsAt),
  ]);
  const set: Record<string, unknown> = { occurred_at: occurredAt, ends_at: endsAt };
  if (input.subject !== undefined) set.subject = input.subject || null;
  if (input.body !== undefined) set.body = input.body || null;
  if (input.direction !== undefined) set.direction = input.direction;
  if (input.durationSeconds !== undefined) set.duration_seconds = input.durationSeconds;
  if (input.outcome !== undefined) set.outcome = input.outcome || null;
  if (input.location !== undefined) set.location = input.location || null;
  const row = await ctx.tx
    .updateTable("interactions")
    .set({ ...set, updated_at: sql`now()` } as never)
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const { linked, related } = await relatedOf(ctx, id);
  const interaction = presentInteraction(row, related);
  if (occurredAt.getTime() !== new Date(before.occurred_at).getTime()) {
    await interactionsRepository.moveLinks(ctx.tx, ws, id, occurredAt);
    await refreshLastInteraction(ctx, linked);
  }
  const changes = diff(interactionSnapshot(presentInteraction(before, related)), interactionSnapshot(interaction));
  if (Object.keys(changes).length > 0) {
    await recordEvent(ctx.tx, ctx.actor, {
      type: "interaction.updated",
      entityType: "interaction",
      entityId: id,
      payload: { changes, ...linked },
    });
  }
  await notifyMentions(ctx.tx, ctx.principal, newlyMentioned, linked);
  return interaction;
}

/** Deleting needs records.delete, except for the author's own interactions. */
export async function deleteInteraction(ctx: Context, id: string) {
  const ws = ctx.actor.workspaceId;
  const row = await interactionsRepository.byId(ctx.tx, ws, id, ctx.visibility, { forUpdate: true });
  if (!row) throw notFound("interaction");
  const isAuthor = ctx.principal.userId !== null && row.author_id === ctx.principal.userId;
  if (!can(ctx.principal.role, "records.delete") && !isAuthor) throw forbidden("Only the author or a manager can delete this interaction.");
  const { linked, related } = await relatedOf(ctx, id);
  const interaction = presentInteraction(row, related);
  await ctx.tx
    .updateTable("interactions")
    .set({ deleted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .execute();
  await refreshLastInteraction(ctx, linked);
  await recordEvent(ctx.tx, ctx.actor, {
    type: "interaction.deleted",
    entityType: "interaction",
    entityId: id,
    payload: { before: interactionSnapshot(interaction), ...linked },
  });
}

import type { Deal, moveDealBodySchema } from "@rapport/contract";
import { sql } from "kysely";
import type { z } from "zod";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, notFound, ProblemError } from "../../../platform/http/problem.js";
import { presentDeals } from "../deal-reads.js";
import { stageChangedPayload } from "../deals.events.js";
import { dealSnapshot } from "../deals.presenter.js";
import { type DealRow, dealsRepository } from "../deals.repository.js";
import { pipelinesRepository } from "../pipelines.repository.js";
import { needsRenumber, rankBetween, rotsAt } from "../stage.rules.js";
import type { DealContext } from "./deal-context.js";

type MoveInput = z.output<typeof moveDealBodySchema>;

/** The card's new rank at `position` in the stage, renumbering the stage when ranks got too close. */
async function placeIn(ctx: DealContext, stageId: string, dealId: string, position: number | undefined): Promise<number> {
  const ws = ctx.actor.workspaceId;
  let n = await dealsRepository.neighbours(ctx.tx, ws, stageId, dealId, position);
  let rank = rankBetween(n.above, n.below);
  if (needsRenumber(rank, n.above, n.below)) {
    await dealsRepository.renumberStage(ctx.tx, ws, stageId);
    n = await dealsRepository.neighbours(ctx.tx, ws, stageId, dealId, position);
    rank = rankBetween(n.above, n.below);
  }
  return rank;
}

/**
 * Moves a deal to a stage: the only way its stage changes. A won or lost stage wins or
 * loses the deal (closedAt set), an open one reopens it. The move closes the stage period,
 * opens the next, appends a history snapshot and emits `deal.stage_changed`. A move within
 * the same stage only changes the card's place on the board.
 */
export async function moveDeal(ctx: DealContext, id: string, input: MoveInput): Promise<Deal> {
  const ws = ctx.actor.workspaceId;
  const before = await dealsRepository.byId(ctx.tx, ws, id, ctx.visibility, { forUpdate: true });
  if (!before) throw notFound("deal");
  const stage = await pipelinesRepository.stageById(ctx.tx, ws, input.stageId);
  if (!stage) throw badRequest("validation_failed", "The request is not valid.", [{ path: "body.stageId", message: "no such stage" }]);
  const [beforeDeal] = (await presentDeals(ctx.tx, ws, [before], ctx.now)) as [Deal];
  const lostReason =
    stage.kind === "lost" ? (input.lostReason ?? (before.stage_id === stage.id ? before.lost_reason : null)) || null : null;

  if (before.stage_id === stage.id) {
    const set: Record<string, unknown> = {};
    if (input.position !== undefined) set.board_rank = await placeIn(ctx, stage.id, id, input.position);
    if (lostReason !== before.lost_reason) set.lost_reason = lostReason;
    if (Object.keys(set).length === 0) return beforeDeal;
    const row = await ctx.tx
      .updateTable("deals")
      .set({ ...set, ...(set.lost_reason !== undefined ? { updated_at: sql`now()` } : {}) } as never)
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const [deal] = (await presentDeals(ctx.tx, ws, [row], ctx.now)) as [Deal];
    const changes = diff(dealSnapshot(beforeDeal), dealSnapshot(deal));
    await recordEvent(ctx.tx, ctx.actor, {
      type: Object.keys(changes).length > 0 ? "deal.updated" : "deal.reordered",
      entityType: "deal",
      entityId: id,
      payload: { changes, ownerId: deal.ownerId, stageId: stage.id, ...(input.position !== undefined ? { position: input.position } : {}) },
    });
    return deal;
  }

  if ((await pipelinesRepository.byId(ctx.tx, ws, stage.pipeline_id))?.archived_at) {
    throw new ProblemError(422, "pipeline_archived", "The pipeline is archived: no deal can enter it.");
  }
  const statusChanged = before.status !== stage.kind;
  const row: DealRow = await ctx.tx
    .updateTable("deals")
    .set({
      pipeline_id: stage.pipeline_id,
      stage_id: stage.id,
      board_rank: await placeIn(ctx, stage.id, id, input.position),
      status: stage.kind,
      lost_reason: lostReason,
      closed_at: stage.kind === "open" ? null : statusChanged ? ctx.now : before.closed_at,
      stage_entered_at: ctx.now,
      rots_at: rotsAt(stage.kind, stage.rotting_days, ctx.now),
      updated_at: sql`now()`,
    } as never)
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await dealsRepository.enterStage(ctx.tx, ws, id, { pipelineId: stage.pipeline_id, stageId: stage.id }, ctx.now);
  const [deal] = (await presentDeals(ctx.tx, ws, [row], ctx.now)) as [Deal];
  const changed = ["stage", ...(statusChanged ? ["status"] : []), ...(deal.probability !== beforeDeal.probability ? ["probability"] : [])];
  await dealsRepository.snapshot(
    ctx.tx,
    ws,
    id,
    {
      pipeline_id: row.pipeline_id,
      stage_id: row.stage_id,
      status: row.status,
      amount_minor: row.amount_minor,
      currency: row.currency,
      probability: deal.probability,
      expected_close_date: row.expected_close_date,
    },
    changed,
    ctx.now,
  );
  await recordEvent(ctx.tx, ctx.actor, {
    type: "deal.stage_changed",
    entityType: "deal",
    entityId: id,
    payload: {
      ...stageChangedPayload(deal, { pipelineId: before.pipeline_id, stageId: before.stage_id }),
      changes: diff(dealSnapshot(beforeDeal), dealSnapshot(deal)),
    },
  });
  return deal;
}

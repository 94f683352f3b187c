import type {
  createPipelineBodySchema,
  createStageBodySchema,
  Pipeline,
  reorderStagesBodySchema,
  updatePipelineBodySchema,
  updateStageBodySchema,
} from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, conflict, notFound } from "../../../platform/http/problem.js";
import { dealsRepository } from "../deals.repository.js";
import { pipelineSnapshot, presentPipeline } from "../pipelines.presenter.js";
import { pipelinesRepository } from "../pipelines.repository.js";
import { DEFAULT_STAGES, hasOpenStage, isSameSet } from "../stage.rules.js";

type Tx = Transaction<DB>;

export async function loadPipeline(tx: Tx | import("kysely").Kysely<DB>, ws: string, id: string): Promise<Pipeline> {
  const row = await pipelinesRepository.byId(tx, ws, id);
  if (!row) throw notFound("pipeline");
  return presentPipeline(row, (await pipelinesRepository.stagesOf(tx, ws, [id])).get(id) ?? []);
}

const noOpenStage = () =>
  badRequest("validation_failed", "A pipeline needs at least one open stage.", [{ path: "body.stages", message: "no open stage" }]);

/** Locks the pipeline, runs the change, and records one pipeline event with the difference. */
async function change(tx: Tx, actor: Actor, id: string, type: string, apply: (before: Pipeline) => Promise<void>): Promise<Pipeline> {
  const ws = actor.workspaceId;
  if (!(await pipelinesRepository.byId(tx, ws, id, { forUpdate: true }))) throw notFound("pipeline");
  const before = await loadPipeline(tx, ws, id);
  await apply(before);
  await tx.updateTable("pipelines").set({ updated_at: sql`now()` }).where("workspace_id", "=", ws).where("id", "=", id).execute();
  const after = await loadPipeline(tx, ws, id);
  const changes = diff(pipelineSnapshot(before), pipelineSnapshot(after));
  if (Object.keys(changes).length > 0) await recordEvent(tx, actor, { type, entityType: "pipeline", entityId: id, payload: { changes } });
  return after;
}

export async function createPipeline(tx: Tx, actor: Actor, input: z.output<typeof createPipelineBodySchema>): Promise<Pipeline> {
  const ws = actor.workspaceId;
  const stages = input.stages ?? DEFAULT_STAGES;
  if (!hasOpenStage(stages.map((s) => s.kind ?? "open"))) throw noOpenStage();
  const id = uuidv7();
  const position =
    input.position ??
    Number(
      (await sql<{ n: number }>`SELECT coalesce(max(position) + 1, 0) AS n FROM pipelines WHERE workspace_id = ${ws}::uuid`.execute(tx))
        .rows[0]?.n ?? 0,
    );
  await tx.insertInto("pipelines").values({ workspace_id: ws, id, name: input.name, position }).execute();
  await pipelinesRepository.insertStages(
    tx,
    ws,
    id,
    stages.map((s, i) => ({
      id: uuidv7(),
      name: s.name,
      probability: s.probability,
      rottingDays: s.rottingDays ?? null,
      kind: s.kind ?? "open",
      position: i,
    })),
  );
  const pipeline = await loadPipeline(tx, ws, id);
  await recordEvent(tx, actor, {
    type: "pipeline.created",
    entityType: "pipeline",
    entityId: id,
    payload: { after: pipelineSnapshot(pipeline) },
  });
  return pipeline;
}

export function updatePipeline(tx: Tx, actor: Actor, id: string, input: z.output<typeof updatePipelineBodySchema>) {
  return change(tx, actor, id, "pipeline.updated", async () => {
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.position !== undefined) set.position = input.position;
    if (Object.keys(set).length > 0) {
      await tx.updateTable("pipelines").set(set).where("workspace_id", "=", actor.workspaceId).where("id", "=", id).execute();
    }
  });
}

export function setArchived(tx: Tx, actor: Actor, id: string, archived: boolean) {
  return change(tx, actor, id, archived ? "pipeline.archived" : "pipeline.unarchived", async (before) => {
    if (before.archived === archived) return;
    await tx
      .updateTable("pipelines")
      .set({ archived_at: archived ? sql`now()` : null } as never)
      .where("workspace_id", "=", actor.workspaceId)
      .where("id", "=", id)
      .execute();
  });
}

export function createStage(tx: Tx, actor: Actor, pipelineId: string, input: z.output<typeof createStageBodySchema>) {
  return change(tx, actor, pipelineId, "pipeline.updated", async (before) => {
    const ws = actor.workspaceId;
    if (before.stages.length >= 50) throw conflict("too_many_stages", "A pipeline has at most 50 stages.");
    const stageId = uuidv7();
    await pipelinesRepository.insertStages(tx, ws, pipelineId, [
      {
        id: stageId,
        name: input.name,
        probability: input.probability,
        rottingDays: input.rottingDays ?? null,
        kind: input.kind ?? "open",
        position: before.stages.length,
      },
    ]);
    const order = before.stages.map((s) => s.id);
    order.splice(Math.min(input.position ?? order.length, order.length), 0, stageId);
    await pipelinesRepository.setStageOrder(tx, ws, pipelineId, order);
  });
}

export function updateStage(tx: Tx, actor: Actor, pipelineId: string, stageId: string, input: z.output<typeof updateStageBodySchema>) {
  return change(tx, actor, pipelineId, "pipeline.updated", async (before) => {
    const ws = actor.workspaceId;
    const stage = before.stages.find((s) => s.id === stageId);
    if (!stage) throw notFound("stage");
    if (input.kind !== undefined && input.kind !== stage.kind) {
      if (await pipelinesRepository.stageHasDeals(tx, ws, stageId)) {
        throw conflict("stage_in_use", "Deals are in this stage: move them before changing whether it is open, won or lost.");
      }
      if (!hasOpenStage(before.stages.map((s) => (s.id === stageId ? input.kind : s.kind) as typeof s.kind))) throw noOpenStage();
    }
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.probability !== undefined) set.probability = input.probability;
    if (input.rottingDays !== undefined) set.rotting_days = input.rottingDays;
    if (input.kind !== undefined) set.kind = input.kind;
    if (Object.keys(set).length === 0) return;
    await tx
      .updateTable("pipeline_stages")
      .set({ ...set, updated_at: sql`now()` } as never)
      .where("workspace_id", "=", ws)
      .where("id", "=", stageId)
      .execute();
    // What the deals in the stage derive from it: their rotting time and, for the
    // forecast history, a snapshot when their probability changed.
    if (input.rottingDays !== undefined || input.kind !== undefined) await dealsRepository.recomputeRotting(tx, ws, stageId);
    if (input.probability !== undefined && input.probability !== stage.probability) {
      await dealsRepository.snapshotStage(tx, ws, stageId, ["probability"]);
    }
  });
}

export function removeStage(tx: Tx, actor: Actor, pipelineId: string, stageId: string) {
  return change(tx, actor, pipelineId, "pipeline.updated", async (before) => {
    const ws = actor.workspaceId;
    if (!before.stages.some((s) => s.id === stageId)) throw notFound("stage");
    if (await pipelinesRepository.stageUsed(tx, ws, stageId)) {
      throw conflict("stage_in_use", "Deals are or were in this stage; it stays for their history. Rename it instead.");
    }
    if (!hasOpenStage(before.stages.filter((s) => s.id !== stageId).map((s) => s.kind))) throw noOpenStage();
    await tx.deleteFrom("pipeline_stages").where("workspace_id", "=", ws).where("id", "=", stageId).execute();
    await pipelinesRepository.setStageOrder(
      tx,
      ws,
      pipelineId,
      before.stages.filter((s) => s.id !== stageId).map((s) => s.id),
    );
  });
}

export function reorderStages(tx: Tx, actor: Actor, pipelineId: string, input: z.output<typeof reorderStagesBodySchema>) {
  return change(tx, actor, pipelineId, "pipeline.updated", async (before) => {
    if (
      !isSameSet(
        before.stages.map((s) => s.id),
        input.stageIds,
      )
    ) {
      throw badRequest("validation_failed", "Give every stage of the pipeline exactly once.", [
        { path: "body.stageIds", message: "not the pipeline's stages" },
      ]);
    }
    await pipelinesRepository.setStageOrder(
      tx,
      actor.workspaceId,
      pipelineId,
      input.stageIds.map((s) => s.toLowerCase()),
    );
  });
}

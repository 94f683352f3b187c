import type { createPlaybookBodySchema, Playbook, PlaybookStage, updatePlaybookBodySchema } from "@rapport/contract";
import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import { type Actor, actorOf, type Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, conflict, notFound } from "../../../platform/http/problem.js";
import { dealFacts } from "../../deals/index.js";
import { sanitizeGuidance } from "../guidance.sanitize.js";
import { PLAYBOOK_EVENTS } from "../playbooks.events.js";
import { presentPlaybook } from "../playbooks.presenter.js";
import { type PlaybookRow, playbooksRepository } from "../playbooks.repository.js";

type CreateInput = z.output<typeof createPlaybookBodySchema>;
type UpdateInput = z.output<typeof updatePlaybookBodySchema>;
export type PlaybookContext = { tx: Transaction<DB>; actor: Actor };

export const playbookContext = (tx: Transaction<DB>, p: Principal): PlaybookContext => ({ tx, actor: actorOf(p) });

/** 400 unless every stage belongs to the pipeline; guidance sanitised before it is stored. */
export async function checkStages<S extends { stageId: string }>(ctx: PlaybookContext, pipelineId: string, stages: S[]) {
  const known = new Set((await dealFacts.stages(ctx.tx, ctx.actor.workspaceId, pipelineId)).map((s) => s.id));
  const errors = stages.flatMap((s, i) =>
    known.has(s.stageId) ? [] : [{ path: `body.stages.${i}.stageId`, message: "not a stage of this pipeline" }],
  );
  if (errors.length) throw badRequest("validation_failed", "The request is not valid.", errors);
}

const cleanStages = (stages: PlaybookStage[]): PlaybookStage[] => stages.map((s) => ({ ...s, guidance: sanitizeGuidance(s.guidance) }));
const snapshot = (r: PlaybookRow) => ({ name: r.name, pipelineId: r.pipeline_id, stages: r.stages });

async function present(ctx: PlaybookContext, row: PlaybookRow): Promise<Playbook> {
  return presentPlaybook(row, await playbooksRepository.variants(ctx.tx, ctx.actor.workspaceId, [row.id]));
}

export async function createPlaybook(ctx: PlaybookContext, input: CreateInput): Promise<Playbook> {
  const ws = ctx.actor.workspaceId;
  if (!(await dealFacts.pipelineExists(ctx.tx, ws, input.pipelineId))) {
    throw badRequest("validation_failed", "The request is not valid.", [{ path: "body.pipelineId", message: "no such pipeline" }]);
  }
  await checkStages(ctx, input.pipelineId, input.stages);
  const row = await playbooksRepository.insert(ctx.tx, {
    workspace_id: ws,
    id: uuidv7(),
    pipeline_id: input.pipelineId,
    name: input.name,
    stages: cleanStages(input.stages),
  });
  if (!row) throw conflict("playbook_exists", "This pipeline already has a playbook; edit that one.");
  await recordEvent(ctx.tx, ctx.actor, {
    type: PLAYBOOK_EVENTS.created,
    entityType: "playbook",
    entityId: row.id,
    payload: { after: snapshot(row) },
  });
  return present(ctx, row);
}

export async function updatePlaybook(ctx: PlaybookContext, id: string, input: UpdateInput): Promise<Playbook> {
  const ws = ctx.actor.workspaceId;
  const before = await playbooksRepository.byId(ctx.tx, ws, id, { forUpdate: true });
  if (!before) throw notFound("playbook");
  if (input.stages) await checkStages(ctx, before.pipeline_id, input.stages);
  const row = await playbooksRepository.update(ctx.tx, ws, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.stages !== undefined ? { stages: cleanStages(input.stages) } : {}),
  });
  const changes = diff(snapshot(before), snapshot(row));
  if (Object.keys(changes).length > 0) {
    await recordEvent(ctx.tx, ctx.actor, { type: PLAYBOOK_EVENTS.updated, entityType: "playbook", entityId: id, payload: { changes } });
  }
  return present(ctx, row);
}

export async function deletePlaybook(ctx: PlaybookContext, id: string): Promise<void> {
  const ws = ctx.actor.workspaceId;
  const before = await playbooksRepository.byId(ctx.tx, ws, id, { forUpdate: true });
  if (!before) throw notFound("playbook");
  await playbooksRepository.remove(ctx.tx, ws, id);
  await recordEvent(ctx.tx, ctx.actor, {
    type: PLAYBOOK_EVENTS.deleted,
    entityType: "playbook",
    entityId: id,
    payload: { before: snapshot(before) },
  });
}

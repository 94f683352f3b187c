import type { PlaybookVariant, putVariantBodySchema, VariantStage } from "@rapport/contract";
import type { z } from "zod";
import { recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, notFound } from "../../../platform/http/problem.js";
import { sanitizeGuidance } from "../guidance.sanitize.js";
import { PLAYBOOK_EVENTS } from "../playbooks.events.js";
import { presentVariant } from "../playbooks.presenter.js";
import { playbooksRepository } from "../playbooks.repository.js";
import { checkStages, type PlaybookContext } from "./save-playbook.js";

type PutInput = z.output<typeof putVariantBodySchema>;

/**
 * Creates or replaces a regional variant. Its stages must be the pipeline's; a removal must
 * name a step the global version has (a typo would otherwise silently remove nothing).
 */
export async function putVariant(ctx: PlaybookContext, playbookId: string, region: string, input: PutInput): Promise<PlaybookVariant> {
  const ws = ctx.actor.workspaceId;
  const playbook = await playbooksRepository.byId(ctx.tx, ws, playbookId, { forUpdate: true });
  if (!playbook) throw notFound("playbook");
  await checkStages(ctx, playbook.pipeline_id, input.stages);
  const errors = input.stages.flatMap((s, i) => {
    const globalKeys = new Set(playbook.stages.find((g) => g.stageId === s.stageId)?.steps.map((x) => x.key) ?? []);
    return s.removeStepKeys
      .map((key, j) => ({ key, j }))
      .filter(({ key }) => !globalKeys.has(key))
      .map(({ j }) => ({ path: `body.stages.${i}.removeStepKeys.${j}`, message: "not a step of the global playbook's stage" }));
  });
  if (errors.length) throw badRequest("validation_failed", "The request is not valid.", errors);
  const stages: VariantStage[] = input.stages.map((s) => ({ ...s, guidance: s.guidance === null ? null : sanitizeGuidance(s.guidance) }));
  const before = await playbooksRepository.variant(ctx.tx, ws, playbookId, region);
  const { row } = await playbooksRepository.putVariant(ctx.tx, {
    workspace_id: ws,
    playbook_id: playbookId,
    region,
    name: input.name,
    stages,
  });
  await recordEvent(ctx.tx, ctx.actor, {
    type: PLAYBOOK_EVENTS.variantSaved,
    entityType: "playbook",
    entityId: playbookId,
    payload: {
      region,
      changes: {
        [`variants.${region}`]: {
          old: before ? { name: before.name, stages: before.stages } : null,
          new: { name: row.name, stages: row.stages },
        },
      },
    },
  });
  return presentVariant(row);
}

export async function deleteVariant(ctx: PlaybookContext, playbookId: string, region: string): Promise<void> {
  const ws = ctx.actor.workspaceId;
  const before = await playbooksRepository.variant(ctx.tx, ws, playbookId, region);
  if (!before || !(await playbooksRepository.removeVariant(ctx.tx, ws, playbookId, region))) throw notFound("variant");
  await recordEvent(ctx.tx, ctx.actor, {
    type: PLAYBOOK_EVENTS.variantDeleted,
    entityType: "playbook",
    entityId: playbookId,
    payload: { region, changes: { [`variants.${region}`]: { old: { name: before.name, stages: before.stages }, new: null } } },
  });
}

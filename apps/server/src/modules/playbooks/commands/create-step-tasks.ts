import type { EffectiveStage, EffectiveStep } from "@rapport/contract";
import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { DB } from "../../../platform/db/schema.js";
import { ProblemError } from "../../../platform/http/problem.js";
import { type DealFacts, dealFacts } from "../../deals/index.js";
import { createTask, systemTaskContext, type TaskLinkTypes } from "../../tasks/index.js";
import { effectiveFor } from "../effective.js";
import { STEP_SOURCE } from "../playbooks.events.js";
import { playbooksRepository } from "../playbooks.repository.js";
import { nextSequentialStep, openingSteps } from "../resolve.rules.js";

export type StepTaskDeps = { tx: Transaction<DB>; workspaceId: string; links: TaskLinkTypes };

const DAY = 86_400_000;
/** The calendar date `days` after `from` (UTC), as an all-day due date. */
export const dueDate = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);

/** The deal's current stage as its region's playbook has it, or null (no playbook, or nothing for the stage). */
async function currentStage(deps: StepTaskDeps, deal: DealFacts): Promise<EffectiveStage | null> {
  const playbook = await playbooksRepository.byPipeline(deps.tx, deps.workspaceId, deal.pipelineId);
  if (!playbook) return null;
  const { stages } = await effectiveFor(deps.tx, playbook, deal.region);
  return stages.find((s) => s.stageId === deal.stageId) ?? null;
}

/**
 * Creates the task of one step for the deal's owner (linked to the deal, its source the
 * step's row) and records it for the deal's current stay. A task the tasks module refuses
 * (the owner was deactivated) is skipped: its checks run before it writes anything.
 */
async function createStepTask(deps: StepTaskDeps, deal: DealFacts, step: EffectiveStep, from: Date) {
  if (!deal.ownerId) return;
  const id = uuidv7();
  const due = dueDate(from, step.dueInDays);
  try {
    const task = await createTask(systemTaskContext(deps.tx, deps.workspaceId, deps.links), {
      title: step.title,
      notes: step.description || undefined,
      dueDate: due,
      assigneeId: deal.ownerId,
      linked: { type: "deal", id: deal.id },
      source: { type: STEP_SOURCE, id },
    });
    await playbooksRepository.insertStepTask(deps.tx, {
      workspace_id: deps.workspaceId,
      id,
      deal_id: deal.id,
      stage_id: deal.stageId,
      stage_entered_at: deal.stageEnteredAt,
      step_key: step.key,
      task_id: task.id,
      due_on: due,
    });
  } catch (err) {
    if (err instanceof ProblemError && err.status === 400) return;
    throw err;
  }
}

/**
 * A deal entered a stage (or was created in one): the first step's task when the stage is
 * sequential, every step's when not. Reads the deal as it is now, so a late or repeated
 * event acts on its current stay, and a stay whose tasks exist gets none again.
 */
export async function startStageSteps(deps: StepTaskDeps, dealId: string) {
  const deal = await dealFacts.deal(deps.tx, deps.workspaceId, dealId);
  if (!deal?.ownerId) return;
  const stage = await currentStage(deps, deal);
  if (!stage || stage.steps.length === 0) return;
  const existing = await playbooksRepository.stepTasksOfStay(deps.tx, deps.workspaceId, deal.id, deal.stageId, deal.stageEnteredAt);
  if (existing.length > 0) return;
  for (const step of openingSteps(stage)) await createStepTask(deps, deal, step, deal.stageEnteredAt);
}

/**
 * A step's task was completed: in a sequential stage, the next step's task — if the deal is
 * still in the stay that step belonged to and the next step has no task yet.
 */
export async function continueStepChain(deps: StepTaskDeps, stepTaskId: string, completedAt: Date) {
  const done = await playbooksRepository.stepTaskById(deps.tx, deps.workspaceId, stepTaskId);
  if (!done) return;
  const deal = await dealFacts.deal(deps.tx, deps.workspaceId, done.deal_id);
  if (!deal || deal.stageId !== done.stage_id || deal.stageEnteredAt.getTime() !== done.stage_entered_at.getTime()) return;
  const stage = await currentStage(deps, deal);
  const next = stage && nextSequentialStep(stage, done.step_key);
  if (!next) return;
  const existing = await playbooksRepository.stepTasksOfStay(deps.tx, deps.workspaceId, deal.id, deal.stageId, deal.stageEnteredAt);
  if (existing.some((r) => r.step_key === next.key)) return;
  await createStepTask(deps, deal, next, completedAt);
}

import type { EventConsumer } from "../../platform/events/processor.js";
import { TASK_EVENTS, type TaskCompletedPayload, type TaskLinkTypes } from "../tasks/index.js";
import { continueStepChain, startStageSteps } from "./commands/create-step-tasks.js";
import { STEP_SOURCE } from "./playbooks.events.js";
import { playbooksRepository } from "./playbooks.repository.js";

/** Emitted by deals when a deal enters a stage, on creation too (DealStageChanged). */
const DEAL_ENTERED_STAGE = "deal.stage_changed";

/**
 * The playbook automation. Runs in the transaction that advances its cursor, so its tasks
 * are created exactly once per event; the checks in the commands make a repeated or late
 * event create nothing twice as well. Task events keep each step's task status.
 */
export function playbookConsumer(links: TaskLinkTypes): EventConsumer {
  return {
    name: "playbooks",
    async handle(tx, events) {
      for (const e of events) {
        const deps = { tx, workspaceId: e.workspaceId, links };
        if (e.type === DEAL_ENTERED_STAGE) {
          await startStageSteps(deps, e.entityId);
        } else if (e.type === TASK_EVENTS.completed) {
          const p = e.payload as TaskCompletedPayload;
          await playbooksRepository.setTaskStatus(tx, e.workspaceId, e.entityId, "done");
          if (p.sourceType === STEP_SOURCE && p.sourceId) await continueStepChain(deps, p.sourceId, e.occurredAt);
        } else if (e.type === TASK_EVENTS.reopened) {
          await playbooksRepository.setTaskStatus(tx, e.workspaceId, e.entityId, "open");
        } else if (e.type === TASK_EVENTS.deleted) {
          await playbooksRepository.setTaskStatus(tx, e.workspaceId, e.entityId, "deleted");
        }
      }
    },
  };
}

import type { Principal } from "../../../platform/auth/principal.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { forbidden, notFound } from "../../../platform/http/problem.js";
import { TASK_EVENTS } from "../tasks.events.js";
import { canDeleteTask } from "../tasks.policy.js";
import { taskSnapshot } from "../tasks.presenter.js";
import { tasksRepository } from "../tasks.repository.js";
import type { TaskContext } from "./task-context.js";

/** Deletes a task for good (tasks are not customer data: no trash). */
export async function deleteTask(ctx: TaskContext, principal: Principal, id: string) {
  const ws = ctx.actor.workspaceId;
  const row = await tasksRepository.byId(ctx.tx, ws, id, ctx.visible, { forUpdate: true });
  if (!row) throw notFound("task");
  if (!canDeleteTask(principal, { assigneeId: row.assignee_id, creatorId: row.creator_id })) {
    throw forbidden("Only the task's creator, its assignee or a manager can delete it.");
  }
  await tasksRepository.remove(ctx.tx, ws, id);
  await recordEvent(ctx.tx, ctx.actor, {
    type: TASK_EVENTS.deleted,
    entityType: "task",
    entityId: id,
    payload: { before: taskSnapshot(row), assigneeId: row.assignee_id, creatorId: row.creator_id },
  });
}

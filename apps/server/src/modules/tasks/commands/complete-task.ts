import type { Task } from "@rapport/contract";
import { recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { TASK_EVENTS, type TaskCompletedPayload } from "../tasks.events.js";
import { tasksRepository } from "../tasks.repository.js";
import { presentFor, type TaskContext } from "./task-context.js";

/**
 * Marks a task done with its `task.completed` event (what playbooks react to with the next
 * step). Completing a done task changes nothing and records no second event.
 */
export async function completeTask(ctx: TaskContext, id: string): Promise<Task> {
  const ws = ctx.actor.workspaceId;
  const before = await tasksRepository.byId(ctx.tx, ws, id, ctx.visible, { forUpdate: true });
  if (!before) throw notFound("task");
  if (before.status === "done") return presentFor(ctx, before);
  const row = await tasksRepository.update(ctx.tx, ws, id, { status: "done", completed_at: new Date() });
  const payload: TaskCompletedPayload = {
    taskId: row.id,
    assigneeId: row.assignee_id,
    linkedType: row.linked_type,
    linkedId: row.linked_id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    creatorId: row.creator_id,
  };
  await recordEvent(ctx.tx, ctx.actor, { type: TASK_EVENTS.completed, entityType: "task", entityId: id, payload });
  return presentFor(ctx, row);
}

/** Opens a done task again; reopening an open task changes nothing. */
export async function reopenTask(ctx: TaskContext, id: string): Promise<Task> {
  const ws = ctx.actor.workspaceId;
  const before = await tasksRepository.byId(ctx.tx, ws, id, ctx.visible, { forUpdate: true });
  if (!before) throw notFound("task");
  if (before.status === "open") return presentFor(ctx, before);
  const row = await tasksRepository.update(ctx.tx, ws, id, { status: "open", completed_at: null });
  await recordEvent(ctx.tx, ctx.actor, {
    type: TASK_EVENTS.reopened,
    entityType: "task",
    entityId: id,
    payload: { taskId: id, assigneeId: row.assignee_id, creatorId: row.creator_id },
  });
  return presentFor(ctx, row);
}

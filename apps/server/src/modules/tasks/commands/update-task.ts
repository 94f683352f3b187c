import type { Task, UpdateTaskBody } from "@rapport/contract";
import type { Updateable } from "kysely";
import type { TasksTable } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { TASK_EVENTS } from "../tasks.events.js";
import { taskSnapshot } from "../tasks.presenter.js";
import { tasksRepository } from "../tasks.repository.js";
import { checkAssignee, checkLinked } from "./check-task-input.js";
import { notifyAssignee } from "./notify-assignee.js";
import { type FieldError, failIfAny, presentFor, type TaskContext } from "./task-context.js";

/** Changes the fields given; a new due date replaces a due time and the other way round. */
export async function updateTask(ctx: TaskContext, id: string, input: UpdateTaskBody): Promise<Task> {
  const ws = ctx.actor.workspaceId;
  const before = await tasksRepository.byId(ctx.tx, ws, id, ctx.visible, { forUpdate: true });
  if (!before) throw notFound("task");
  const errors: FieldError[] = [];
  if (input.assigneeId !== undefined && input.assigneeId !== before.assignee_id)
    errors.push(...(await checkAssignee(ctx, input.assigneeId)));
  if (input.linked && (input.linked.type !== before.linked_type || input.linked.id !== before.linked_id)) {
    errors.push(...(await checkLinked(ctx, input.linked)));
  }
  failIfAny(errors);
  const set: Updateable<TasksTable> = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.notes !== undefined) set.notes = input.notes || null;
  if (input.dueDate !== undefined) {
    set.due_on = input.dueDate;
    if (input.dueDate) set.due_at = null;
  }
  if (input.dueAt !== undefined) {
    set.due_at = input.dueAt ? new Date(input.dueAt) : null;
    if (input.dueAt) set.due_on = null;
  }
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.assigneeId !== undefined) set.assignee_id = input.assigneeId;
  if (input.linked !== undefined) {
    set.linked_type = input.linked?.type ?? null;
    set.linked_id = input.linked?.id ?? null;
  }
  if (input.remindAt !== undefined) {
    set.remind_at = input.remindAt ? new Date(input.remindAt) : null;
    // A new reminder time is a new reminder.
    if (set.remind_at?.getTime() !== before.remind_at?.getTime()) set.reminded_at = null;
  }
  const changes =
    Object.keys(set).length > 0 ? diff(taskSnapshot(before), taskSnapshot({ ...before, ...(set as object) } as typeof before)) : {};
  if (Object.keys(changes).length === 0) return presentFor(ctx, before);
  const row = await tasksRepository.update(ctx.tx, ws, id, set);
  await recordEvent(ctx.tx, ctx.actor, {
    type: TASK_EVENTS.updated,
    entityType: "task",
    entityId: id,
    payload: { changes, assigneeId: row.assignee_id, previousAssigneeId: before.assignee_id, creatorId: row.creator_id },
  });
  if (row.assignee_id !== before.assignee_id) await notifyAssignee(ctx, row);
  return presentFor(ctx, row);
}

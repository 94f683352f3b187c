import type { Task, TaskPriority } from "@rapport/contract";
import { v7 as uuidv7 } from "uuid";
import { recordEvent } from "../../../platform/events/outbox.js";
import { TASK_EVENTS } from "../tasks.events.js";
import { taskSnapshot } from "../tasks.presenter.js";
import { tasksRepository } from "../tasks.repository.js";
import { checkAssignee, checkLinked } from "./check-task-input.js";
import { notifyAssignee } from "./notify-assignee.js";
import { type FieldError, failIfAny, presentFor, type TaskContext } from "./task-context.js";

export type NewTask = {
  title: string;
  notes?: string | undefined;
  /** All day: 'YYYY-MM-DD'; timed: an ISO instant. At most one. */
  dueDate?: string | null | undefined;
  dueAt?: string | null | undefined;
  priority?: TaskPriority | undefined;
  /** Defaults to the author; required when the author is not a user. */
  assigneeId?: string | undefined;
  linked?: { type: string; id: string } | null | undefined;
  remindAt?: string | null | undefined;
  /** What created the task when it was not a person, e.g. { type: "playbook_step", id }. */
  source?: { type: string; id: string } | null | undefined;
};

/**
 * Creates a task in the caller's transaction, with its `task.created` event. Routes call it
 * with the signed-in user's context; other modules (playbooks) with systemTaskContext.
 */
export async function createTask(ctx: TaskContext, input: NewTask): Promise<Task> {
  const ws = ctx.actor.workspaceId;
  const assigneeId = input.assigneeId ?? ctx.userId;
  const errors: FieldError[] = [];
  if (!assigneeId) errors.push({ path: "body.assigneeId", message: "required when the caller is not a user" });
  else errors.push(...(await checkAssignee(ctx, assigneeId)));
  if (input.linked) errors.push(...(await checkLinked(ctx, input.linked)));
  if (input.dueDate && input.dueAt) errors.push({ path: "body.dueAt", message: "give dueDate (all day) or dueAt (timed), not both" });
  if (input.source && !/^[a-z][a-z_]{0,39}$/.test(input.source.type)) errors.push({ path: "source.type", message: "not a source type" });
  failIfAny(errors);
  const row = await tasksRepository.insert(ctx.tx, {
    workspace_id: ws,
    id: uuidv7(),
    title: input.title,
    notes: input.notes || null,
    due_on: input.dueDate ?? null,
    due_at: input.dueAt ? new Date(input.dueAt) : null,
    priority: input.priority ?? "normal",
    assignee_id: assigneeId as string,
    creator_id: ctx.userId,
    linked_type: input.linked?.type ?? null,
    linked_id: input.linked?.id ?? null,
    source_type: input.source?.type ?? null,
    source_id: input.source?.id ?? null,
    remind_at: input.remindAt ? new Date(input.remindAt) : null,
  });
  await recordEvent(ctx.tx, ctx.actor, {
    type: TASK_EVENTS.created,
    entityType: "task",
    entityId: row.id,
    payload: {
      after: taskSnapshot(row),
      assigneeId: row.assignee_id,
      creatorId: row.creator_id,
      sourceType: row.source_type,
      sourceId: row.source_id,
    },
  });
  await notifyAssignee(ctx, row);
  return presentFor(ctx, row);
}

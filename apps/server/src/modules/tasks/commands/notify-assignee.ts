import { notify } from "../../notifications/index.js";
import type { TaskRow } from "../tasks.repository.js";
import type { TaskContext } from "./task-context.js";

/** Tells a user that someone else gave them a task (nobody is told about their own). */
export async function notifyAssignee(ctx: TaskContext, row: TaskRow) {
  if (row.assignee_id === ctx.userId) return;
  await notify(ctx.tx, {
    workspaceId: ctx.actor.workspaceId,
    userId: row.assignee_id,
    kind: "task_assigned",
    title: `New task for you: ${row.title}`,
    entityType: "task",
    entityId: row.id,
  });
}

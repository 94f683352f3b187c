import { iamRepository } from "../../iam/index.js";
import type { FieldError, TaskContext } from "./task-context.js";

/** The assignee must be an active user of the workspace. */
export async function checkAssignee(ctx: TaskContext, assigneeId: string): Promise<FieldError[]> {
  const user = await iamRepository.userById(ctx.tx, ctx.actor.workspaceId, assigneeId);
  return user?.active ? [] : [{ path: "body.assigneeId", message: `not an active user of this workspace: ${assigneeId}` }];
}

/** A linked record must be of a registered type, live, and visible to the author (else it answers like a missing one). */
export async function checkLinked(ctx: TaskContext, linked: { type: string; id: string }): Promise<FieldError[]> {
  const type = ctx.links.get(linked.type);
  if (!type) return [{ path: "body.linked.type", message: `tasks can be linked to ${ctx.links.names().join(", ")}` }];
  const found = await type.visible(ctx.tx, ctx.actor.workspaceId, [linked.id], ctx.visibility);
  return found.length > 0 ? [] : [{ path: "body.linked.id", message: `no ${linked.type} ${linked.id}` }];
}

import { type RawBuilder, sql, type Transaction } from "kysely";
import { type Actor, actorOf, type Principal, systemActor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { badRequest } from "../../../platform/http/problem.js";
import { type RecordVisibility, recordVisibility } from "../../iam/index.js";
import type { TaskLinkTypes } from "../task-links.js";
import { taskVisibleSql } from "../tasks.policy.js";
import { presentTask } from "../tasks.presenter.js";
import type { TaskRow } from "../tasks.repository.js";

/** What a task command runs with: the transaction, who acts, and what they may see. */
export type TaskContext = {
  tx: Transaction<DB>;
  actor: Actor;
  /** The user creating or changing the task; null for API keys and automation. */
  userId: string | null;
  /** Which linked records the author may see (names in answers, links they may set). */
  visibility: RecordVisibility;
  /** SQL (alias `t`) for the tasks the author may change. */
  visible: RawBuilder<boolean>;
  links: TaskLinkTypes;
};

export async function taskContext(tx: Transaction<DB>, p: Principal, links: TaskLinkTypes): Promise<TaskContext> {
  const visibility = await recordVisibility(tx, p);
  return { tx, actor: actorOf(p), userId: p.userId, visibility, visible: taskVisibleSql("t", p, visibility), links };
}

/**
 * The context for other modules creating tasks inside their own transaction (playbooks when a
 * deal enters a stage): the system acts, sees every record, and may name any creator.
 */
export function systemTaskContext(
  tx: Transaction<DB>,
  workspaceId: string,
  links: TaskLinkTypes,
  creatorId: string | null = null,
): TaskContext {
  return { tx, actor: systemActor(workspaceId), userId: creatorId, visibility: { all: true }, visible: sql<boolean>`true`, links };
}

export type FieldError = { path: string; message: string };

export function failIfAny(errors: FieldError[]) {
  if (errors.length > 0) throw badRequest("validation_failed", "The request is not valid.", errors);
}

/** The task as its author sees it (linked record names only where visible to them). */
export async function presentFor(ctx: TaskContext, row: TaskRow) {
  const links = row.linked_type && row.linked_id ? [{ type: row.linked_type, id: row.linked_id }] : [];
  return presentTask(row, await ctx.links.visibleNames(ctx.tx, ctx.actor.workspaceId, links, ctx.visibility));
}

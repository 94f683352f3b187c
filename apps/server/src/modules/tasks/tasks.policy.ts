import type { Kysely } from "kysely";
import { type RawBuilder, sql } from "kysely";
import { can } from "../../platform/auth/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import type { EventVisibilityRule } from "../../platform/events/visibility.js";
import { type RecordVisibility, recordVisibility } from "../iam/index.js";

/**
 * Who sees a task: its assignee and its creator, and whoever sees the assignee's records
 * (everyone for roles that see all records, teammates for team roles) — tasks are "owned"
 * by their assignee the way people and companies are by their owner.
 */
export function taskVisibleSql(alias: string, p: Principal, v: RecordVisibility): RawBuilder<boolean> {
  if (v.all) return sql<boolean>`true`;
  const assignee = sql.ref(`${alias}.assignee_id`);
  const creator = p.userId ? sql<boolean>` OR ${sql.ref(`${alias}.creator_id`)} = ${p.userId}::uuid` : sql<boolean>``;
  return sql<boolean>`(${assignee} = ANY(${v.ownerIds}::uuid[])${creator})`;
}

export function canSeeTask(p: Principal, v: RecordVisibility, t: { assigneeId: string; creatorId: string | null }): boolean {
  return v.all || v.ownerIds.includes(t.assigneeId) || (p.userId !== null && t.creatorId === p.userId);
}

/** Deleting a task: its creator or assignee, or a role that may delete records. */
export function canDeleteTask(p: Principal, t: { assigneeId: string; creatorId: string | null }): boolean {
  if (can(p.role, "records.delete")) return true;
  return p.userId !== null && (t.assigneeId === p.userId || t.creatorId === p.userId);
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** Task events reach whoever sees the task before or after the change. */
export function taskEventRule(db: Kysely<DB>): EventVisibilityRule {
  return async (p, e) => {
    const v = await recordVisibility(db, p);
    const creatorId = str(e.payload.creatorId);
    return [str(e.payload.assigneeId), str(e.payload.previousAssigneeId)]
      .filter((a): a is string => a !== null)
      .some((assigneeId) => canSeeTask(p, v, { assigneeId, creatorId }));
  };
}

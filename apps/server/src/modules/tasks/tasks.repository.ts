import { type Insertable, type Kysely, type RawBuilder, type Selectable, sql, type Transaction, type Updateable } from "kysely";
import type { CalendarFeedsTable, DB, TasksTable } from "../../platform/db/schema.js";
import type { DayBounds } from "./due-groups.rules.js";

type Q = Kysely<DB> | Transaction<DB>;
export type TaskRow = Selectable<TasksTable>;
export type CalendarFeedRow = Selectable<CalendarFeedsTable>;

/** Open tasks of one assignee: what "My tasks", the badge and the calendar feed show. */
const openOf = (q: Q, ws: string, userId: string) =>
  q.selectFrom("tasks as t").where("t.workspace_id", "=", ws).where("t.assignee_id", "=", userId).where("t.status", "=", "open");

export const tasksRepository = {
  /** One task the caller may see (`visible` is the policy's SQL for alias `t`), else undefined. */
  byId: (q: Q, ws: string, id: string, visible: RawBuilder<boolean>, opts: { forUpdate?: boolean } = {}) => {
    let query = q.selectFrom("tasks as t").selectAll("t").where("t.workspace_id", "=", ws).where("t.id", "=", id).where(visible);
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  insert: (tx: Transaction<DB>, row: Insertable<TasksTable>) => tx.insertInto("tasks").values(row).returningAll().executeTakeFirstOrThrow(),

  /** Any change bumps the revision (the calendar event's SEQUENCE) and updated_at. */
  update: (tx: Transaction<DB>, ws: string, id: string, set: Updateable<TasksTable>) =>
    tx
      .updateTable("tasks")
      .set({ ...set, revision: sql`revision + 1`, updated_at: sql`now()` })
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  remove: (tx: Transaction<DB>, ws: string, id: string) =>
    tx.deleteFrom("tasks").where("workspace_id", "=", ws).where("id", "=", id).execute(),

  /** An assignee's open tasks by due date (undated last), at most `limit`. */
  openAssigned: (q: Q, ws: string, userId: string, limit: number) =>
    openOf(q, ws, userId).selectAll("t").orderBy(sql`t.due_key ASC NULLS LAST`).orderBy("t.id").limit(limit).execute(),

  /** How many of an assignee's open tasks are overdue and due today (same rules as dueGroup). */
  countsOf: async (q: Q, ws: string, userId: string, now: Date, day: DayBounds) => {
    const r = await openOf(q, ws, userId)
      .select([
        sql<number>`count(*) FILTER (WHERE t.due_on < ${day.today}::date OR t.due_at < ${now})::int`.as("overdue"),
        sql<number>`count(*) FILTER (WHERE t.due_on = ${day.today}::date OR (t.due_at >= ${now} AND t.due_at < ${day.end}))::int`.as(
          "due_today",
        ),
      ])
      .executeTakeFirstOrThrow();
    return { overdue: r.overdue, dueToday: r.due_today };
  },

  /** Open tasks with a due date or time, for the assignee's calendar feed. */
  datedOpenAssigned: (q: Q, ws: string, userId: string, limit: number) =>
    openOf(q, ws, userId).selectAll("t").where("t.due_key", "is not", null).orderBy("t.due_key").orderBy("t.id").limit(limit).execute(),

  /**
   * Claims reminders that are due, across workspaces, and marks them sent in the caller's
   * transaction. SKIP LOCKED lets several workers run this at once without claiming a task twice;
   * a rolled-back transaction leaves them unsent for the next run.
   */
  claimDueReminders: async (tx: Transaction<DB>, now: Date, limit: number) => {
    const res = await sql<TaskRow>`
      UPDATE tasks AS t SET reminded_at = ${now}
        FROM (SELECT workspace_id, id FROM tasks
               WHERE reminded_at IS NULL AND status = 'open' AND remind_at <= ${now}
               ORDER BY remind_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) AS due
       WHERE t.workspace_id = due.workspace_id AND t.id = due.id
      RETURNING t.*`.execute(tx);
    return res.rows;
  },
};

export const calendarFeedsRepository = {
  ofUser: (q: Q, ws: string, userId: string) =>
    q.selectFrom("calendar_feeds").selectAll().where("workspace_id", "=", ws).where("user_id", "=", userId).executeTakeFirst(),

  /** Replaces the user's token (rotation): the old hash is gone in the same statement. */
  put: (tx: Transaction<DB>, ws: string, userId: string, tokenHash: Buffer) =>
    tx
      .insertInto("calendar_feeds")
      .values({ workspace_id: ws, user_id: userId, token_hash: tokenHash })
      .onConflict((oc) =>
        oc.columns(["workspace_id", "user_id"]).doUpdateSet({ token_hash: tokenHash, created_at: sql`now()`, last_used_at: null }),
      )
      .returningAll()
      .executeTakeFirstOrThrow(),

  remove: (tx: Transaction<DB>, ws: string, userId: string) =>
    tx.deleteFrom("calendar_feeds").where("workspace_id", "=", ws).where("user_id", "=", userId).executeTakeFirst(),

  byTokenHash: (q: Q, ws: string, tokenHash: Buffer) =>
    q.selectFrom("calendar_feeds").selectAll().where("workspace_id", "=", ws).where("token_hash", "=", tokenHash).executeTakeFirst(),

  /** Records use at most every few minutes: calendar programs poll often. */
  touch: (q: Q, ws: string, userId: string) =>
    q
      .updateTable("calendar_feeds")
      .set({ last_used_at: sql`now()` })
      .where("workspace_id", "=", ws)
      .where("user_id", "=", userId)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", sql<Date>`now() - interval '5 minutes'`)]))
      .execute(),
};

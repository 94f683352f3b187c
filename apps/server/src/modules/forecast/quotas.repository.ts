import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { DB, QuotasTable } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";

type Q = Kysely<DB> | Transaction<DB>;
export type QuotaRow = Omit<Selectable<QuotasTable>, "period_start" | "currency"> & {
  period_start: string;
  currency: string;
  target_name: string;
};

/**
 * Quotas the caller may see: all with record visibility "all"; otherwise those of the users
 * it sees (itself and teammates) and of its own teams.
 */
function visibleQuery(q: Q, ws: string, v: RecordVisibility, teamIds: string[]) {
  let query = q
    .selectFrom("quotas as q")
    .leftJoin("users as u", (j) => j.onRef("u.workspace_id", "=", "q.workspace_id").onRef("u.id", "=", "q.user_id"))
    .leftJoin("teams as t", (j) => j.onRef("t.workspace_id", "=", "q.workspace_id").onRef("t.id", "=", "q.team_id"))
    .select([
      "q.workspace_id",
      "q.id",
      "q.target_type",
      "q.user_id",
      "q.team_id",
      "q.period_kind",
      sql<string>`q.period_start::text`.as("period_start"),
      "q.amount_minor",
      sql<string>`trim(q.currency)`.as("currency"),
      "q.created_at",
      "q.updated_at",
      sql<string>`coalesce(u.name, t.name, '')`.as("target_name"),
    ])
    .where("q.workspace_id", "=", ws);
  if (!v.all) {
    query = query.where((eb) =>
      eb.or([eb("q.user_id", "=", sql<string>`ANY(${v.ownerIds}::uuid[])`), eb("q.team_id", "=", sql<string>`ANY(${teamIds}::uuid[])`)]),
    );
  }
  return query;
}

export const quotasRepository = {
  list: (
    q: Q,
    ws: string,
    v: RecordVisibility,
    teamIds: string[],
    filter: { periodStarts?: string[] | undefined; userId?: string | undefined; teamId?: string | undefined },
  ): Promise<QuotaRow[]> => {
    let query = visibleQuery(q, ws, v, teamIds);
    if (filter.periodStarts) query = query.where("q.period_start", "=", sql<string>`ANY(${filter.periodStarts}::date[])`);
    if (filter.userId) query = query.where("q.user_id", "=", filter.userId);
    if (filter.teamId) query = query.where("q.team_id", "=", filter.teamId);
    return query.orderBy("q.period_start").orderBy("target_name").orderBy("q.id").limit(5000).execute() as Promise<QuotaRow[]>;
  },

  byId: (q: Q, ws: string, id: string, v: RecordVisibility, teamIds: string[]): Promise<QuotaRow | undefined> =>
    visibleQuery(q, ws, v, teamIds).where("q.id", "=", id).executeTakeFirst() as Promise<QuotaRow | undefined>,

  /** Locks the row for an update or delete. */
  lock: (q: Transaction<DB>, ws: string, id: string) =>
    q.selectFrom("quotas").select("id").where("workspace_id", "=", ws).where("id", "=", id).forUpdate().executeTakeFirst(),

  insert: (
    q: Transaction<DB>,
    row: {
      workspace_id: string;
      id: string;
      target_type: "user" | "team";
      user_id: string | null;
      team_id: string | null;
      period_kind: "month" | "quarter";
      period_start: string;
      amount_minor: number;
      currency: string;
    },
  ) =>
    q
      .insertInto("quotas")
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst(),

  update: (q: Transaction<DB>, ws: string, id: string, set: { amount_minor?: number; currency?: string }) =>
    q
      .updateTable("quotas")
      .set({ ...set, updated_at: new Date() })
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .executeTakeFirst(),

  remove: (q: Transaction<DB>, ws: string, id: string) =>
    q.deleteFrom("quotas").where("workspace_id", "=", ws).where("id", "=", id).execute(),

  /** Whether a user or team of the workspace exists. */
  targetExists: async (q: Q, ws: string, target: { userId?: string | undefined; teamId?: string | undefined }) => {
    if (target.userId)
      return !!(await q.selectFrom("users").select("id").where("workspace_id", "=", ws).where("id", "=", target.userId).executeTakeFirst());
    if (target.teamId)
      return !!(await q.selectFrom("teams").select("id").where("workspace_id", "=", ws).where("id", "=", target.teamId).executeTakeFirst());
    return false;
  },
};

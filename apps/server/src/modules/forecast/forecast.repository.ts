import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";
import { ownerVisible } from "../records/index.js";
import { BEST_CASE_PROBABILITY, type Bucket, type Cell, COMMIT_PROBABILITY } from "./forecast.rules.js";
import type { ClosedAggregate, OpenAggregate } from "./metrics.rules.js";
import type { Period } from "./period.rules.js";

/**
 * The forecast's SQL. It reads deals only through the deals module's views
 * (deal_forecast_facts, deal_snapshot_facts, deal_stage_period_facts; decision 0016), always
 * with the caller's owner visibility in the WHERE clause: unassigned deals and deals of the
 * owners the caller sees.
 */
type Q = Kysely<DB> | Transaction<DB>;

/** The instant a calendar day starts in the workspace's time zone (tz comes from the settings allow-list). */
const dayStart = (day: string, tz: string) => sql`((${day}::date)::timestamp AT TIME ZONE ${tz})`;
const dayAfter = (day: string, tz: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE ${tz})`;

const bucketSql = sql<Bucket>`CASE WHEN f.probability >= ${COMMIT_PROBABILITY} THEN 'commit' WHEN f.probability >= ${BEST_CASE_PROBABILITY} THEN 'best_case' ELSE 'pipeline' END`;

/** Which deals a set of buckets selects, as one condition on `f` (deal_forecast_facts). */
function bucketsCondition(buckets: readonly Bucket[], p: Period, tz: string): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  if (buckets.includes("won")) {
    parts.push(sql<boolean>`(f.status = 'won' AND f.closed_at >= ${dayStart(p.start, tz)} AND f.closed_at < ${dayAfter(p.end, tz)})`);
  }
  const open = buckets.filter((b) => b !== "won");
  if (open.length > 0) {
    parts.push(
      sql<boolean>`(f.status = 'open' AND f.expected_close_date BETWEEN ${p.start}::date AND ${p.end}::date AND ${bucketSql} = ANY(${open}::text[]))`,
    );
  }
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

export type ForecastDealRow = {
  id: string;
  name: string;
  owner_id: string | null;
  stage_id: string;
  stage_name: string;
  probability: number;
  status: "open" | "won" | "lost";
  amount_minor: number;
  currency: string;
  expected_close_date: string | null;
  closed_at: Date | null;
  region: string | null;
};

export const forecastRepository = {
  timeZone: async (q: Q, ws: string): Promise<string> => {
    const row = await q.selectFrom("forecast_settings").select("time_zone").where("workspace_id", "=", ws).executeTakeFirst();
    return row?.time_zone ?? "UTC";
  },

  saveTimeZone: (q: Q, ws: string, timeZone: string) =>
    q
      .insertInto("forecast_settings")
      .values({ workspace_id: ws, time_zone: timeZone })
      .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ time_zone: timeZone, updated_at: new Date() }))
      .execute(),

  defaultCurrency: async (q: Q, ws: string): Promise<string> => {
    const row = await q.selectFrom("workspaces").select("default_currency").where("id", "=", ws).executeTakeFirst();
    return row?.default_currency ?? "USD";
  },

  /**
   * The period's deals pre-aggregated by owner × region × currency × bucket: won deals by
   * closing instant (closed index), open deals by expected close date (open index).
   */
  cells: async (q: Q, ws: string, p: Period, tz: string, v: RecordVisibility): Promise<Cell[]> => {
    const { rows } = await sql<{
      owner_id: string | null;
      region: string | null;
      currency: string;
      bucket: Bucket;
      n: number;
      amount: number;
      weighted: number;
    }>`
      SELECT f.owner_id, f.region, f.currency, 'won' AS bucket, count(*)::int AS n, sum(f.amount_minor)::bigint AS amount,
             sum(f.amount_minor)::bigint AS weighted
        FROM deal_forecast_facts f
       WHERE f.workspace_id = ${ws} AND f.status = 'won' AND f.closed_at IS NOT NULL
         AND f.closed_at >= ${dayStart(p.start, tz)} AND f.closed_at < ${dayAfter(p.end, tz)} AND ${ownerVisible("f", v)}
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT f.owner_id, f.region, f.currency, ${bucketSql} AS bucket, count(*)::int, sum(f.amount_minor)::bigint,
             sum((f.amount_minor * f.probability + 50) / 100)::bigint
        FROM deal_forecast_facts f
       WHERE f.workspace_id = ${ws} AND f.status = 'open'
         AND f.expected_close_date BETWEEN ${p.start}::date AND ${p.end}::date AND ${ownerVisible("f", v)}
       GROUP BY 1, 2, 3, 4`.execute(q);
    return rows.map((r) => ({
      ownerId: r.owner_id,
      region: r.region,
      currency: r.currency.trim(),
      bucket: r.bucket,
      count: r.n,
      amountMinor: Number(r.amount),
      weightedMinor: Number(r.weighted),
    }));
  },

  /** The deals behind a number, largest amount first (keyset on amount, id). */
  deals: async (
    q: Q,
    ws: string,
    opts: {
      period: Period;
      tz: string;
      buckets: readonly Bucket[];
      v: RecordVisibility;
      ownerIds?: (string | null)[] | undefined;
      region?: string | null | undefined;
      currency?: string | undefined;
      after?: { amount: number; id: string } | undefined;
      limit: number;
    },
  ): Promise<ForecastDealRow[]> => {
    const where: RawBuilder<boolean>[] = [bucketsCondition(opts.buckets, opts.period, opts.tz), ownerVisible("f", opts.v)];
    if (opts.ownerIds) {
      const ids = opts.ownerIds.filter((o): o is string => o !== null);
      const withNull = opts.ownerIds.includes(null);
      where.push(sql<boolean>`(f.owner_id = ANY(${ids}::uuid[])${withNull ? sql` OR f.owner_id IS NULL` : sql``})`);
    }
    if (opts.region !== undefined)
      where.push(opts.region === null ? sql<boolean>`f.region IS NULL` : sql<boolean>`f.region = ${opts.region}`);
    if (opts.currency) where.push(sql<boolean>`f.currency = ${opts.currency}`);
    if (opts.after) where.push(sql<boolean>`(f.amount_minor, f.deal_id) < (${opts.after.amount}, ${opts.after.id}::uuid)`);
    const { rows } = await sql<ForecastDealRow>`
      SELECT f.deal_id AS id, f.name, f.owner_id, f.stage_id, f.stage_name, f.probability, f.status, f.amount_minor, f.currency,
             f.expected_close_date::text AS expected_close_date, f.closed_at, f.region
        FROM deal_forecast_facts f
       WHERE f.workspace_id = ${ws} AND ${sql.join(where, sql` AND `)}
       ORDER BY f.amount_minor DESC, f.deal_id DESC
       LIMIT ${opts.limit}`.execute(q);
    return rows.map((r) => ({ ...r, currency: r.currency.trim(), amount_minor: Number(r.amount_minor) }));
  },

  /** Team memberships of the workspace: user → teams. */
  teamsOfUsers: async (q: Q, ws: string): Promise<Map<string, string[]>> => {
    const rows = await q.selectFrom("team_members").select(["user_id", "team_id"]).where("workspace_id", "=", ws).execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.team_id]);
    return out;
  },

  membersOfTeam: async (q: Q, ws: string, teamId: string): Promise<string[]> =>
    (await q.selectFrom("team_members").select("user_id").where("workspace_id", "=", ws).where("team_id", "=", teamId).execute()).map(
      (r) => r.user_id,
    ),

  /** Display names of users and teams. */
  names: async (q: Q, ws: string): Promise<{ users: Map<string, string>; teams: Map<string, string> }> => {
    const users = await q.selectFrom("users").select(["id", "name"]).where("workspace_id", "=", ws).execute();
    const teams = await q.selectFrom("teams").select(["id", "name"]).where("workspace_id", "=", ws).execute();
    return { users: new Map(users.map((u) => [u.id, u.name])), teams: new Map(teams.map((t) => [t.id, t.name])) };
  },

  /**
   * The forecast at the start of a period, replayed from deal snapshots: each deal's latest
   * snapshot before that instant, when it was open and expected to close in the period.
   */
  forecastAtStart: async (q: Q, ws: string, p: Period, tz: string, v: RecordVisibility) => {
    const { rows } = await sql<{ currency: string; commit: number; best_case: number; weighted: number }>`
      WITH candidates AS (
        SELECT DISTINCT s.deal_id FROM deal_snapshots s
         WHERE s.workspace_id = ${ws} AND s.expected_close_date BETWEEN ${p.start}::date AND ${p.end}::date
           AND s.recorded_at < ${dayStart(p.start, tz)}
      ), latest AS (
        SELECT DISTINCT ON (f.deal_id) f.deal_id, f.status, f.amount_minor, f.currency, f.probability, f.expected_close_date, f.owner_id
          FROM deal_snapshot_facts f JOIN candidates c ON c.deal_id = f.deal_id
         WHERE f.workspace_id = ${ws} AND f.recorded_at < ${dayStart(p.start, tz)}
         ORDER BY f.deal_id, f.recorded_at DESC
      )
      SELECT l.currency,
             coalesce(sum(l.amount_minor) FILTER (WHERE l.probability >= ${COMMIT_PROBABILITY}), 0)::bigint AS commit,
             coalesce(sum(l.amount_minor) FILTER (WHERE l.probability >= ${BEST_CASE_PROBABILITY}), 0)::bigint AS best_case,
             sum((l.amount_minor * l.probability + 50) / 100)::bigint AS weighted
        FROM latest l
       WHERE l.status = 'open' AND l.expected_close_date BETWEEN ${p.start}::date AND ${p.end}::date AND ${ownerVisible("l", v)}
       GROUP BY l.currency`.execute(q);
    return rows.map((r) => ({
      currency: r.currency.trim(),
      commit: Number(r.commit),
      bestCase: Number(r.best_case),
      weighted: Number(r.weighted),
    }));
  },

  /** Won and lost deals closed in the period, per owner and currency. */
  closedAggregates: async (q: Q, ws: string, p: Period, tz: string, v: RecordVisibility, ownerId?: string): Promise<ClosedAggregate[]> => {
    const { rows } = await sql<{ owner_id: string | null; currency: string; won: number; lost: number; won_amount: number; cycle: number }>`
      SELECT f.owner_id, f.currency,
             count(*) FILTER (WHERE f.status = 'won')::int AS won, count(*) FILTER (WHERE f.status = 'lost')::int AS lost,
             coalesce(sum(f.amount_minor) FILTER (WHERE f.status = 'won'), 0)::bigint AS won_amount,
             coalesce(sum(extract(epoch FROM f.closed_at - f.created_at) / 86400) FILTER (WHERE f.status = 'won'), 0)::float8 AS cycle
        FROM deal_forecast_facts f
       WHERE f.workspace_id = ${ws} AND f.status <> 'open' AND f.closed_at IS NOT NULL
         AND f.closed_at >= ${dayStart(p.start, tz)} AND f.closed_at < ${dayAfter(p.end, tz)} AND ${ownerVisible("f", v)}
         ${ownerId ? sql`AND f.owner_id = ${ownerId}` : sql``}
       GROUP BY 1, 2`.execute(q);
    return rows.map((r) => ({
      ownerId: r.owner_id,
      currency: r.currency.trim(),
      wonCount: r.won,
      lostCount: r.lost,
      wonAmountMinor: Number(r.won_amount),
      wonCycleDays: Number(r.cycle),
    }));
  },

  /** Deals open now, per owner and currency. */
  openAggregates: async (q: Q, ws: string, v: RecordVisibility, ownerId?: string): Promise<OpenAggregate[]> => {
    const { rows } = await sql<{ owner_id: string | null; currency: string; n: number }>`
      SELECT f.owner_id, f.currency, count(*)::int AS n FROM deal_forecast_facts f
       WHERE f.workspace_id = ${ws} AND f.status = 'open' AND ${ownerVisible("f", v)} ${ownerId ? sql`AND f.owner_id = ${ownerId}` : sql``}
       GROUP BY 1, 2`.execute(q);
    return rows.map((r) => ({ ownerId: r.owner_id, currency: r.currency.trim(), openCount: r.n }));
  },

  /**
   * Per stage: the deals that entered it in the period, and how many of them later entered a
   * further stage of the same pipeline (a higher position that is not a lost stage).
   */
  stageConversion: async (q: Q, ws: string, p: Period, tz: string, v: RecordVisibility, ownerId?: string) => {
    const { rows } = await sql<{
      pipeline_id: string;
      stage_id: string;
      stage_name: string;
      stage_position: number;
      entered: number;
      advanced: number;
    }>`
      SELECT e.pipeline_id, e.stage_id, e.stage_name, e.stage_position, count(DISTINCT e.deal_id)::int AS entered,
             count(DISTINCT e.deal_id) FILTER (WHERE EXISTS (
               SELECT 1 FROM deal_stage_period_facts n
                WHERE n.workspace_id = e.workspace_id AND n.deal_id = e.deal_id AND n.pipeline_id = e.pipeline_id
                  AND n.entered_at > e.entered_at AND n.stage_position > e.stage_position AND n.stage_kind <> 'lost'))::int AS advanced
        FROM deal_stage_period_facts e
       WHERE e.workspace_id = ${ws} AND e.stage_kind = 'open'
         AND e.entered_at >= ${dayStart(p.start, tz)} AND e.entered_at < ${dayAfter(p.end, tz)} AND ${ownerVisible("e", v)}
         ${ownerId ? sql`AND e.owner_id = ${ownerId}` : sql``}
       GROUP BY 1, 2, 3, 4
       ORDER BY 1, 4`.execute(q);
    return rows;
  },
};

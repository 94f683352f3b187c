import type { Forecast, ForecastGroupBy } from "@rapport/contract";
import type { Kysely } from "kysely";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { forecastRepository } from "../forecast.repository.js";
import { foldForecast, quotaFor } from "../forecast.rules.js";
import { monthsOf } from "../period.rules.js";
import { quotasRepository } from "../quotas.repository.js";
import { forecastContext, presentPeriod, resolvePeriod } from "./forecast-context.js";

/** The forecast of a period for the caller's deals, grouped by rep, team or region, with quotas. */
export async function getForecast(db: Kysely<DB>, p: Principal, query: { period: string; groupBy: ForecastGroupBy }): Promise<Forecast> {
  const ctx = await forecastContext(db, p);
  const period = resolvePeriod(ctx, query.period);
  const months = monthsOf(period).map((m) => m.start);
  const [cells, teamsOf, names, currency, quotaRows] = await Promise.all([
    forecastRepository.cells(db, ctx.ws, period, ctx.tz, ctx.v),
    forecastRepository.teamsOfUsers(db, ctx.ws),
    forecastRepository.names(db, ctx.ws),
    forecastRepository.defaultCurrency(db, ctx.ws),
    quotasRepository.list(db, ctx.ws, ctx.v, p.teamIds, { periodStarts: [...new Set([period.start, ...months])] }),
  ]);
  const quotaList = quotaRows.map((q) => ({ ...q, periodKind: q.period_kind, periodStart: q.period_start, amountMinor: q.amount_minor }));
  const quotas = new Map<string | null, Map<string, number>>();
  if (query.groupBy !== "region") {
    const targetType = query.groupBy === "rep" ? "user" : "team";
    const targets = new Set(
      quotaList.filter((q) => q.target_type === targetType).map((q) => (targetType === "user" ? q.user_id : q.team_id)),
    );
    for (const t of targets) {
      const own = quotaList.filter((q) => (targetType === "user" ? q.user_id : q.team_id) === t);
      quotas.set(t, quotaFor(own, period, months));
    }
  }
  // The total's target: the sum of the reps' targets the caller sees.
  const totalQuotas = new Map<string, number>();
  const reps = new Set(quotaList.filter((q) => q.target_type === "user").map((q) => q.user_id));
  for (const r of reps) {
    for (const [cur, amount] of quotaFor(
      quotaList.filter((q) => q.user_id === r),
      period,
      months,
    )) {
      totalQuotas.set(cur, (totalQuotas.get(cur) ?? 0) + amount);
    }
  }
  const { rows, total } = foldForecast({ cells, groupBy: query.groupBy, teamsOf, quotas, totalQuotas, defaultCurrency: currency });
  const label = (key: string | null) => {
    if (query.groupBy === "rep") return key ? (names.users.get(key) ?? key) : "Unassigned";
    if (query.groupBy === "team") return key ? (names.teams.get(key) ?? key) : "No team";
    return key ?? "No region";
  };
  return {
    period: presentPeriod(period, ctx.tz),
    groupBy: query.groupBy,
    currency,
    rows: rows.map((r) => ({ key: r.key, label: label(r.key), figures: r.figures })).sort((a, b) => a.label.localeCompare(b.label)),
    total,
  };
}

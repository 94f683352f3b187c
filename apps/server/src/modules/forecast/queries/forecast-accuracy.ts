import type { ForecastAccuracy } from "@rapport/contract";
import type { Kysely } from "kysely";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { forecastRepository } from "../forecast.repository.js";
import { periodContaining, shiftPeriod } from "../period.rules.js";
import { forecastContext, presentPeriod } from "./forecast-context.js";

const percent = (actual: number, forecast: number) => (forecast > 0 ? Math.round((actual / forecast) * 1000) / 10 : null);

/**
 * For each of the last complete periods: the forecast as it stood when the period began
 * (each deal's latest snapshot before that instant) against the won deals closed in it.
 */
export async function forecastAccuracy(
  db: Kysely<DB>,
  p: Principal,
  query: { kind: "month" | "quarter"; periods: number },
): Promise<ForecastAccuracy> {
  const ctx = await forecastContext(db, p);
  const current = periodContaining(query.kind, ctx.today);
  const items: ForecastAccuracy["items"] = [];
  for (let i = 1; i <= query.periods; i++) {
    const period = shiftPeriod(current, -i);
    const [atStart, cells] = await Promise.all([
      forecastRepository.forecastAtStart(db, ctx.ws, period, ctx.tz, ctx.v),
      forecastRepository.cells(db, ctx.ws, period, ctx.tz, ctx.v),
    ]);
    const currencies = [
      ...new Set([...atStart.map((a) => a.currency), ...cells.filter((c) => c.bucket === "won").map((c) => c.currency)]),
    ].sort();
    items.push({
      period: presentPeriod(period, ctx.tz),
      figures: currencies.map((currency) => {
        const f = atStart.find((a) => a.currency === currency) ?? { commit: 0, bestCase: 0, weighted: 0 };
        const actual = cells.filter((c) => c.bucket === "won" && c.currency === currency).reduce((s, c) => s + c.amountMinor, 0);
        return {
          currency,
          forecastCommitMinor: f.commit,
          forecastBestCaseMinor: f.bestCase,
          forecastWeightedMinor: f.weighted,
          actualWonMinor: actual,
          commitAccuracyPercent: percent(actual, f.commit),
          weightedAccuracyPercent: percent(actual, f.weighted),
        };
      }),
    });
  }
  return { items };
}

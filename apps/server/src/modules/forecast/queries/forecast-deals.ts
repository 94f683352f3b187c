import type { ForecastDeal, ForecastGroupBy, ForecastMeasure } from "@rapport/contract";
import type { Kysely } from "kysely";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { invalidCursor } from "../forecast.errors.js";
import { presentForecastDeal } from "../forecast.presenter.js";
import { forecastRepository } from "../forecast.repository.js";
import { MEASURE_BUCKETS } from "../forecast.rules.js";
import { forecastContext, resolvePeriod } from "./forecast-context.js";

type Query = {
  period: string;
  measure: ForecastMeasure;
  groupBy: ForecastGroupBy;
  key?: string | undefined;
  currency?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string | undefined): { amount: number; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [amount, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof amount === "number" && Number.isSafeInteger(amount) && typeof id === "string" && UUID.test(id)) return { amount, id };
  } catch {
    // falls through to the 400
  }
  throw invalidCursor();
}
const encodeCursor = (d: ForecastDeal) => Buffer.from(JSON.stringify([d.amountMinor, d.id])).toString("base64url");

/**
 * The deals behind one number of the forecast: the same period, buckets, visibility and row
 * (rep, team members, region) as the number itself, so the list always adds up to it.
 */
export async function forecastDeals(db: Kysely<DB>, p: Principal, query: Query) {
  const ctx = await forecastContext(db, p);
  const period = resolvePeriod(ctx, query.period);
  const after = decodeCursor(query.cursor);
  const key = query.key === "none" ? null : query.key;
  let ownerIds: (string | null)[] | undefined;
  let region: string | null | undefined;
  if (key !== undefined) {
    if (query.groupBy === "region") region = key;
    else if (query.groupBy === "rep") ownerIds = key === null ? [null] : UUID.test(key) ? [key] : [];
    else if (key === null) {
      // "No team": unassigned deals and owners in no team.
      const teamsOf = await forecastRepository.teamsOfUsers(db, ctx.ws);
      const { users } = await forecastRepository.names(db, ctx.ws);
      ownerIds = [null, ...[...users.keys()].filter((u) => !teamsOf.has(u))];
    } else ownerIds = UUID.test(key) ? await forecastRepository.membersOfTeam(db, ctx.ws, key) : [];
  }
  const rows = await forecastRepository.deals(db, ctx.ws, {
    period,
    tz: ctx.tz,
    buckets: MEASURE_BUCKETS[query.measure],
    v: ctx.v,
    ownerIds,
    region,
    currency: query.currency,
    after,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(presentForecastDeal);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

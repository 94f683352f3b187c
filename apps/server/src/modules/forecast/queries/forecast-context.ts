import type { ForecastPeriod } from "@rapport/contract";
import type { Kysely } from "kysely";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { type RecordVisibility, recordVisibility } from "../../iam/index.js";
import { invalidPeriod } from "../forecast.errors.js";
import { forecastRepository } from "../forecast.repository.js";
import { type Period, parsePeriod, todayIn } from "../period.rules.js";

export type ForecastContext = { ws: string; tz: string; v: RecordVisibility; today: string };

/** What every forecast read needs: the workspace's time zone, today there, the caller's visibility. */
export async function forecastContext(db: Kysely<DB>, p: Principal): Promise<ForecastContext> {
  const tz = await forecastRepository.timeZone(db, p.workspaceId);
  return { ws: p.workspaceId, tz, v: await recordVisibility(db, p), today: todayIn(tz) };
}

export function resolvePeriod(ctx: ForecastContext, text: string): Period {
  const period = parsePeriod(text, ctx.today);
  if (!period) throw invalidPeriod();
  return period;
}

export const presentPeriod = (p: Period, tz: string): ForecastPeriod => ({ ...p, timeZone: tz });

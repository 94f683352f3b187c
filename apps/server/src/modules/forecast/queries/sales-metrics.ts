import type { SalesMetrics } from "@rapport/contract";
import type { Kysely } from "kysely";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { forecastRepository } from "../forecast.repository.js";
import { conversionPercent, metricsByRep, metricsOf, type RepMetrics } from "../metrics.rules.js";
import { forecastContext, presentPeriod, resolvePeriod } from "./forecast-context.js";

/** Win rate, deal size, cycle, velocity and stage conversion of a period, over the caller's deals. */
export async function salesMetrics(
  db: Kysely<DB>,
  p: Principal,
  query: { period: string; ownerId?: string | undefined },
): Promise<SalesMetrics> {
  const ctx = await forecastContext(db, p);
  const period = resolvePeriod(ctx, query.period);
  const [closed, open, stages, names] = await Promise.all([
    forecastRepository.closedAggregates(db, ctx.ws, period, ctx.tz, ctx.v, query.ownerId),
    forecastRepository.openAggregates(db, ctx.ws, ctx.v, query.ownerId),
    forecastRepository.stageConversion(db, ctx.ws, period, ctx.tz, ctx.v, query.ownerId),
    forecastRepository.names(db, ctx.ws),
  ]);
  const label = (m: RepMetrics) => (m.ownerId ? (names.users.get(m.ownerId) ?? m.ownerId) : "Unassigned");
  const total = metricsOf(query.ownerId ?? null, closed, open);
  return {
    period: presentPeriod(period, ctx.tz),
    total: { ...total, label: query.ownerId ? label(total) : "Everyone" },
    reps: metricsByRep(closed, open).map((m) => ({ ...m, label: label(m) })),
    stageConversion: stages.map((s) => ({
      pipelineId: s.pipeline_id,
      stageId: s.stage_id,
      stageName: s.stage_name,
      position: s.stage_position,
      entered: s.entered,
      advanced: s.advanced,
      conversionPercent: conversionPercent(s),
    })),
  };
}

import type { ForecastDeal, Quota } from "@rapport/contract";
import type { ForecastDealRow } from "./forecast.repository.js";
import { bucketOf, weighted } from "./forecast.rules.js";
import type { QuotaRow } from "./quotas.repository.js";

/** The one place forecast rows become API objects. */
export function presentForecastDeal(r: ForecastDealRow): ForecastDeal {
  return {
    id: r.id,
    name: r.name,
    ownerId: r.owner_id,
    stageId: r.stage_id,
    stageName: r.stage_name,
    probability: r.probability,
    status: r.status,
    category: bucketOf(r.status, r.probability) ?? "pipeline",
    amountMinor: r.amount_minor,
    currency: r.currency,
    weightedAmountMinor: r.status === "won" ? r.amount_minor : weighted(r.amount_minor, r.probability),
    expectedCloseDate: r.expected_close_date,
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    region: r.region,
  };
}

/** `2026-11` or `2026-Q4` from a period's kind and first day. */
export function periodKey(kind: "month" | "quarter", start: string): string {
  const month = Number(start.slice(5, 7));
  return kind === "month" ? start.slice(0, 7) : `${start.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function presentQuota(r: QuotaRow): Quota {
  return {
    id: r.id,
    targetType: r.target_type,
    userId: r.user_id,
    teamId: r.team_id,
    targetName: r.target_name,
    periodKind: r.period_kind,
    period: periodKey(r.period_kind, r.period_start),
    periodStart: r.period_start,
    amountMinor: r.amount_minor,
    currency: r.currency,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

import { z } from "zod";
import { uuid } from "../platform/common.js";
import { amountMinorSchema, currencySchema } from "../sales/sales.schemas.js";

/** `2026-11`, `2026-Q4`, or one of the relative names, resolved in the workspace's time zone. */
export const periodParamSchema = z
  .string()
  .trim()
  .regex(
    /^(\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|this-month|next-month|this-quarter|next-quarter|last-quarter)$/,
    "a month (2026-11), a quarter (2026-Q4) or this-month, next-month, this-quarter, next-quarter, last-quarter",
  )
  .default("this-quarter");
export const forecastGroupBySchema = z.enum(["rep", "team", "region"]);
export type ForecastGroupBy = z.infer<typeof forecastGroupBySchema>;
export const forecastMeasures = ["closedWon", "commit", "bestCase", "openPipeline", "weightedPipeline"] as const;
export const forecastMeasureSchema = z.enum(forecastMeasures);
export type ForecastMeasure = z.infer<typeof forecastMeasureSchema>;

export const periodSchema = z.object({
  kind: z.enum(["month", "quarter"]),
  key: z.string(),
  /** First and last calendar day, inclusive, in the workspace's time zone. */
  start: z.iso.date(),
  end: z.iso.date(),
  timeZone: z.string(),
});
export type ForecastPeriod = z.infer<typeof periodSchema>;

export const forecastFiguresSchema = z.object({
  currency: z.string(),
  /** Won deals closed in the period. */
  closedWonMinor: z.number().int(),
  /** Closed won + open deals expected in the period in stages of probability ≥ 70 %. */
  commitMinor: z.number().int(),
  /** Commit + open deals expected in the period in stages of probability 30–69 %. */
  bestCaseMinor: z.number().int(),
  /** All open deals expected to close in the period. */
  openPipelineMinor: z.number().int(),
  /** Σ of those deals' amount × probability / 100, each rounded half up. */
  weightedPipelineMinor: z.number().int(),
  wonCount: z.number().int(),
  openCount: z.number().int(),
  quotaMinor: z.number().int().nullable(),
  /** Closed won / quota in percent (one decimal). */
  attainmentPercent: z.number().nullable(),
});
export type ForecastFigures = z.infer<typeof forecastFiguresSchema>;

export const forecastRowSchema = z.object({
  /** The rep's user id, team id or region; null: unassigned deals / no team / no region. */
  key: z.string().nullable(),
  label: z.string(),
  /** The workspace currency first; other currencies are never converted. */
  figures: z.array(forecastFiguresSchema),
});
export type ForecastRow = z.infer<typeof forecastRowSchema>;

export const forecastSchema = z.object({
  period: periodSchema,
  groupBy: forecastGroupBySchema,
  currency: z.string(),
  rows: z.array(forecastRowSchema),
  total: z.array(forecastFiguresSchema),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const forecastQuerySchema = z.object({ period: periodParamSchema, groupBy: forecastGroupBySchema.default("rep") });

export const forecastDealsQuerySchema = z.object({
  period: periodParamSchema,
  measure: forecastMeasureSchema,
  groupBy: forecastGroupBySchema.default("rep"),
  /** The row's key; absent: the total. `none` selects the null row (unassigned, no team, no region). */
  key: z.string().trim().min(1).max(200).optional(),
  currency: currencySchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const forecastDealSchema = z.object({
  id: uuid,
  name: z.string(),
  ownerId: uuid.nullable(),
  stageId: uuid,
  stageName: z.string(),
  probability: z.number().int(),
  status: z.enum(["open", "won", "lost"]),
  category: z.enum(["won", "commit", "best_case", "pipeline"]),
  amountMinor: z.number().int(),
  currency: z.string(),
  weightedAmountMinor: z.number().int(),
  expectedCloseDate: z.iso.date().nullable(),
  closedAt: z.iso.datetime().nullable(),
  region: z.string().nullable(),
});
export type ForecastDeal = z.infer<typeof forecastDealSchema>;

export const accuracyQuerySchema = z.object({
  kind: z.enum(["month", "quarter"]).default("quarter"),
  /** How many past periods, the latest complete one first. */
  periods: z.coerce.number().int().min(1).max(12).default(4),
});
export const accuracyFiguresSchema = z.object({
  currency: z.string(),
  /** The forecast as it stood at the start of the period, replayed from the deals' history. */
  forecastCommitMinor: z.number().int(),
  forecastBestCaseMinor: z.number().int(),
  forecastWeightedMinor: z.number().int(),
  /** Won deals closed in the period. */
  actualWonMinor: z.number().int(),
  /** actual / forecast commit, percent (one decimal); null when the commit was zero. */
  commitAccuracyPercent: z.number().nullable(),
  /** actual / forecast weighted, percent. */
  weightedAccuracyPercent: z.number().nullable(),
});
export const accuracySchema = z.object({
  items: z.array(z.object({ period: periodSchema, figures: z.array(accuracyFiguresSchema) })),
});
export type ForecastAccuracy = z.infer<typeof accuracySchema>;

// ── Quotas ──────────────────────────────────────────────────────────────────────────────

export const quotaSchema = z.object({
  id: uuid,
  targetType: z.enum(["user", "team"]),
  userId: uuid.nullable(),
  teamId: uuid.nullable(),
  targetName: z.string(),
  periodKind: z.enum(["month", "quarter"]),
  /** `2026-11` or `2026-Q4`. */
  period: z.string(),
  periodStart: z.iso.date(),
  amountMinor: z.number().int(),
  currency: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Quota = z.infer<typeof quotaSchema>;

const absolutePeriod = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, "a month (2026-11) or a quarter (2026-Q4)");
export const createQuotaBodySchema = z
  .strictObject({
    userId: uuid.optional(),
    teamId: uuid.optional(),
    period: absolutePeriod,
    amountMinor: amountMinorSchema,
    currency: currencySchema,
  })
  .refine((b) => (b.userId === undefined) !== (b.teamId === undefined), { message: "give userId or teamId", path: ["userId"] });
export const updateQuotaBodySchema = z.strictObject({ amountMinor: amountMinorSchema, currency: currencySchema }).partial();
export const listQuotasQuerySchema = z.object({
  /** Quotas of this month or quarter only. */
  period: absolutePeriod.optional(),
  userId: uuid.optional(),
  teamId: uuid.optional(),
});

// ── Settings ────────────────────────────────────────────────────────────────────────────

export const forecastSettingsSchema = z.object({
  /** IANA time zone in which months and quarters start. */
  timeZone: z.string(),
  commitProbability: z.number().int(),
  bestCaseProbability: z.number().int(),
});
export const updateForecastSettingsBodySchema = z.strictObject({ timeZone: z.string().trim().min(1).max(64) });

// ── Sales metrics ───────────────────────────────────────────────────────────────────────

export const salesMetricsQuerySchema = z.object({ period: periodParamSchema, ownerId: uuid.optional() });
const repMetricsSchema = z.object({
  ownerId: uuid.nullable(),
  label: z.string(),
  wonCount: z.number().int(),
  lostCount: z.number().int(),
  winRatePercent: z.number().nullable(),
  averageCycleDays: z.number().nullable(),
  byCurrency: z.array(
    z.object({
      currency: z.string(),
      averageWonMinor: z.number().int().nullable(),
      /** Open deals × win rate × average won size / cycle days. */
      velocityPerDayMinor: z.number().int().nullable(),
      openCount: z.number().int(),
    }),
  ),
});
export const stageConversionSchema = z.object({
  pipelineId: uuid,
  stageId: uuid,
  stageName: z.string(),
  position: z.number().int(),
  entered: z.number().int(),
  advanced: z.number().int(),
  conversionPercent: z.number().nullable(),
});
export const salesMetricsSchema = z.object({
  period: periodSchema,
  total: repMetricsSchema,
  reps: z.array(repMetricsSchema),
  stageConversion: z.array(stageConversionSchema),
});
export type SalesMetrics = z.infer<typeof salesMetricsSchema>;

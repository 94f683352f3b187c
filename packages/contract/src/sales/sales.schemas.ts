import { z } from "zod";
import { uuid } from "../platform/common.js";

/** ISO 4217 currency code, upper case. */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "an ISO 4217 currency code such as EUR");
/** Money in minor units (cents): an integer, never a float amount. */
export const amountMinorSchema = z.number().int().min(0).max(1_000_000_000_000_000);
const isoDate = z.iso.date();

// ── Pipelines and stages ────────────────────────────────────────────────────────────────

export const stageKinds = ["open", "won", "lost"] as const;
export const stageKindSchema = z.enum(stageKinds);
export type StageKind = z.infer<typeof stageKindSchema>;

export const stageSchema = z.object({
  id: uuid,
  pipelineId: uuid,
  name: z.string(),
  position: z.number().int(),
  /** Win probability in percent, 0–100. */
  probability: z.number().int(),
  /** Days after which an open deal in this stage is flagged as rotting; null: never. */
  rottingDays: z.number().int().nullable(),
  kind: stageKindSchema,
});
export type Stage = z.infer<typeof stageSchema>;

export const pipelineSchema = z.object({
  id: uuid,
  name: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
  archivedAt: z.iso.datetime().nullable(),
  stages: z.array(stageSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

const stageFields = {
  name: z.string().trim().min(1).max(100),
  probability: z.number().int().min(0).max(100),
  rottingDays: z.number().int().min(1).max(3650).nullable(),
  kind: stageKindSchema,
};
export const createStageBodySchema = z
  .strictObject({
    ...stageFields,
    /** Where to insert (0-based); at the end when absent. */
    position: z.number().int().min(0).max(1000).optional(),
  })
  .partial({ rottingDays: true, kind: true });
export const updateStageBodySchema = z.strictObject(stageFields).partial();
export const reorderStagesBodySchema = z.strictObject({
  /** Every stage id of the pipeline, in the new order. */
  stageIds: z.array(uuid).min(1).max(50),
});

export const createPipelineBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  position: z.number().int().min(0).max(10_000).optional(),
  /** The stages in order; when absent, a standard set (Qualification … Won, Lost). */
  stages: z
    .array(z.strictObject({ ...stageFields }).partial({ rottingDays: true, kind: true }))
    .min(1)
    .max(50)
    .optional(),
});
export const updatePipelineBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    position: z.number().int().min(0).max(10_000),
  })
  .partial();
export const listPipelinesQuerySchema = z.object({
  archived: z.enum(["true", "false", "all"]).default("false"),
});
export const stageParamsSchema = z.object({ id: uuid, stageId: uuid });

// ── Deals ───────────────────────────────────────────────────────────────────────────────

export const dealStatuses = ["open", "won", "lost"] as const;
export const dealStatusSchema = z.enum(dealStatuses);
export type DealStatus = z.infer<typeof dealStatusSchema>;

export const lineItemSchema = z.object({
  id: uuid,
  productId: uuid,
  productCode: z.string(),
  productName: z.string(),
  /** Up to 3 decimals (1.5 hours). */
  quantity: z.number(),
  unitPriceMinor: z.number().int(),
  /** Percent with up to 2 decimals, when the discount was given as a percentage. */
  discountPercent: z.number().nullable(),
  /** The discount applied to this line, in minor units. */
  discountMinor: z.number().int(),
  /** quantity × unit price − discount, rounded half away from zero to minor units. */
  totalMinor: z.number().int(),
});
export type LineItem = z.infer<typeof lineItemSchema>;

export const lineItemInputSchema = z
  .strictObject({
    productId: uuid,
    quantity: z
      .number()
      .positive()
      .max(1_000_000)
      .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, "at most 3 decimals"),
    /** Defaults to the product's price in the deal's currency. */
    unitPriceMinor: amountMinorSchema.optional(),
    /** When given, must be the deal's currency (a line item is never converted). */
    currency: currencySchema.optional(),
    discountPercent: z
      .number()
      .min(0)
      .max(100)
      .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, "at most 2 decimals")
      .optional(),
    discountMinor: amountMinorSchema.optional(),
  })
  .refine((l) => l.discountPercent === undefined || l.discountMinor === undefined, {
    message: "give discountPercent or discountMinor, not both",
    path: ["discountMinor"],
  });
export type LineItemInput = z.infer<typeof lineItemInputSchema>;

export const dealContactSchema = z.object({ contactId: uuid, name: z.string(), role: z.string().nullable() });
export const dealContactInputSchema = z.strictObject({ contactId: uuid, role: z.string().trim().max(100).nullish() });

export const dealSchema = z.object({
  id: uuid,
  name: z.string(),
  pipelineId: uuid,
  stageId: uuid,
  status: dealStatusSchema,
  lostReason: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  /** The stage's win probability, percent. */
  probability: z.number().int(),
  /** amount × probability / 100, rounded half up. */
  weightedAmountMinor: z.number().int(),
  /** True when line items compute the amount. */
  amountFromLineItems: z.boolean(),
  expectedCloseDate: isoDate.nullable(),
  ownerId: uuid.nullable(),
  companyId: uuid.nullable(),
  companyName: z.string().nullable(),
  contacts: z.array(dealContactSchema),
  source: z.string().nullable(),
  campaign: z.string().nullable(),
  region: z.string().nullable(),
  lineItems: z.array(lineItemSchema),
  stageEnteredAt: z.iso.datetime(),
  daysInStage: z.number().int(),
  rotting: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().nullable(),
});
export type Deal = z.infer<typeof dealSchema>;

const dealFields = {
  name: z.string().trim().min(1).max(300),
  /** Only without line items: with line items the amount is computed. */
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  expectedCloseDate: isoDate.nullable(),
  ownerId: uuid.nullable(),
  companyId: uuid.nullable(),
  contacts: z.array(dealContactInputSchema).max(50),
  source: z.string().trim().max(100).nullable(),
  campaign: z.string().trim().max(200).nullable(),
  /** Defaults to the company's region. */
  region: z.string().trim().max(100).nullable(),
  /** Replaces all line items; an empty list returns to a manual amount. */
  lineItems: z.array(lineItemInputSchema).max(200),
};
export const createDealBodySchema = z
  .strictObject({
    ...dealFields,
    /** The pipeline's first open stage when only the pipeline is given; the first pipeline's when neither. */
    pipelineId: uuid,
    stageId: uuid,
  })
  .partial()
  .required({ name: true });
export const updateDealBodySchema = z.strictObject(dealFields).partial();

export const moveDealBodySchema = z.strictObject({
  stageId: uuid,
  /** Kept when the target is a lost stage; cleared otherwise. */
  lostReason: z.string().trim().max(500).nullish(),
  /** 0-based place among the stage's cards; at the end when absent. */
  position: z.number().int().min(0).max(1_000_000).optional(),
});

/**
 * Deal lists. Besides these, filters come as `filter[field][op]=value` on the fields of
 * `GET /api/v1/deals/fields` (name, pipelineId, stageId, ownerId, companyId, contactId,
 * status, amountMinor, currency, expectedCloseDate, region, rotting, source, campaign…).
 */
export const listDealsQuerySchema = z.looseObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(4000).optional(),
  sort: z.string().max(300).optional(),
  q: z.string().trim().max(200).optional(),
  trash: z.enum(["true", "false"]).optional(),
});

export const stagePeriodSchema = z.object({
  pipelineId: uuid,
  stageId: uuid,
  stageName: z.string(),
  enteredAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
});
export const dealSnapshotSchema = z.object({
  recordedAt: z.iso.datetime(),
  pipelineId: uuid,
  stageId: uuid,
  status: dealStatusSchema,
  amountMinor: z.number().int(),
  currency: z.string(),
  probability: z.number().int(),
  expectedCloseDate: isoDate.nullable(),
  /** What changed with this snapshot: created, stage, status, amount, currency, probability, expectedCloseDate. */
  changed: z.array(z.string()),
});
export const dealHistorySchema = z.object({ stages: z.array(stagePeriodSchema), snapshots: z.array(dealSnapshotSchema) });
export type DealHistory = z.infer<typeof dealHistorySchema>;

// ── Board ───────────────────────────────────────────────────────────────────────────────

export const dealCardSchema = z.object({
  id: uuid,
  name: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  companyId: uuid.nullable(),
  companyName: z.string().nullable(),
  ownerId: uuid.nullable(),
  expectedCloseDate: isoDate.nullable(),
  status: dealStatusSchema,
  daysInStage: z.number().int(),
  rotting: z.boolean(),
});
export type DealCard = z.infer<typeof dealCardSchema>;

export const currencyTotalSchema = z.object({
  currency: z.string(),
  amountMinor: z.number().int(),
  /** amount × stage probability / 100, rounded half up. */
  weightedAmountMinor: z.number().int(),
});
export const boardColumnSchema = z.object({
  stageId: uuid,
  count: z.number().int(),
  totals: z.array(currencyTotalSchema),
  deals: z.array(dealCardSchema),
  /** Pass to the stage's board endpoint to load the next cards. */
  nextCursor: z.string().nullable(),
});
export const boardSchema = z.object({ pipeline: pipelineSchema, columns: z.array(boardColumnSchema) });
export type Board = z.infer<typeof boardSchema>;
/** Same filters as the deal list (`filter[field][op]=value`, `q`); `limit` is cards per stage. */
export const boardQuerySchema = z.looseObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
});
export const boardStageQuerySchema = z.looseObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1000).optional(),
  q: z.string().trim().max(200).optional(),
});

/** What deals add to the 360° summary of a person or company (`GET …/{id}/summary`). */
export const dealSummarySchema = z.object({
  openDealCount: z.number().int(),
  /** Sum of open deal amounts per currency. */
  openDealValue: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })),
});

import { z } from "zod";
import { uuid } from "../platform/common.js";

// ── Definitions: what admins and managers edit ─────────────────────────────────────────

/** A step's stable key: variants name the global step they override or remove by it. */
export const stepKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, "lower-case letters, digits, - and _ (up to 60)");

/** A variant's region or country code, upper case: "DE", "US", "NA", "EMEA". */
export const regionCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, "a region or country code such as DE or EMEA");

/**
 * Guidance is rich text as HTML. The server keeps only an allow-listed subset (paragraphs,
 * emphasis, lists, headings, links, quotes, code) and sanitises it before storing.
 */
const guidanceInput = z.string().max(20_000);

export const playbookStepSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  /** The task is due this many days after the deal enters the stage (or after the previous step, when sequential). */
  dueInDays: z.number().int(),
});
export type PlaybookStep = z.infer<typeof playbookStepSchema>;

export const playbookStepInputSchema = z.strictObject({
  key: stepKeySchema,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(""),
  dueInDays: z.number().int().min(0).max(365).default(0),
});

export const playbookStageSchema = z.object({
  stageId: uuid,
  guidance: z.string(),
  /** Sequential: one step's task at a time, the next when it is completed; otherwise all at once. */
  sequential: z.boolean(),
  steps: z.array(playbookStepSchema),
});
export type PlaybookStage = z.infer<typeof playbookStageSchema>;

const uniqueKeys = (keys: string[]) => new Set(keys).size === keys.length;

export const playbookStageInputSchema = z.strictObject({
  stageId: uuid,
  guidance: guidanceInput.default(""),
  sequential: z.boolean().default(true),
  steps: z
    .array(playbookStepInputSchema)
    .max(50)
    .default([])
    .refine((s) => uniqueKeys(s.map((x) => x.key)), "step keys must be unique within a stage"),
});

const stagesInput = z
  .array(playbookStageInputSchema)
  .max(50)
  .refine((s) => uniqueKeys(s.map((x) => x.stageId)), "each stage at most once");

/** A variant's change to one stage: override guidance, override or add steps, remove steps. */
export const variantStepSchema = playbookStepSchema.extend({
  /** For an added step: the step it follows (absent: at the end). Ignored for overrides. */
  afterKey: z.string().nullable(),
});
export const variantStageSchema = z.object({
  stageId: uuid,
  /** Replaces the global guidance; null keeps it. */
  guidance: z.string().nullable(),
  /** Replaces the global mode; null keeps it. */
  sequential: z.boolean().nullable(),
  /** A step with a global step's key replaces it; any other is added. */
  steps: z.array(variantStepSchema),
  removeStepKeys: z.array(z.string()),
});
export type VariantStage = z.infer<typeof variantStageSchema>;

export const variantStageInputSchema = z.strictObject({
  stageId: uuid,
  guidance: guidanceInput.nullable().default(null),
  sequential: z.boolean().nullable().default(null),
  steps: z
    .array(playbookStepInputSchema.extend({ afterKey: stepKeySchema.nullable().default(null) }))
    .max(50)
    .default([])
    .refine((s) => uniqueKeys(s.map((x) => x.key)), "step keys must be unique within a stage"),
  removeStepKeys: z.array(stepKeySchema).max(50).default([]),
});

export const playbookVariantSchema = z.object({
  region: z.string(),
  name: z.string(),
  stages: z.array(variantStageSchema),
  updatedAt: z.iso.datetime(),
});
export type PlaybookVariant = z.infer<typeof playbookVariantSchema>;

export const playbookSchema = z.object({
  id: uuid,
  pipelineId: uuid,
  name: z.string(),
  stages: z.array(playbookStageSchema),
  variants: z.array(z.object({ region: z.string(), name: z.string(), updatedAt: z.iso.datetime() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Playbook = z.infer<typeof playbookSchema>;

export const createPlaybookBodySchema = z.strictObject({
  pipelineId: uuid,
  name: z.string().trim().min(1).max(200),
  stages: stagesInput.default([]),
});
export const updatePlaybookBodySchema = z.strictObject({ name: z.string().trim().min(1).max(200), stages: stagesInput }).partial();
export const putVariantBodySchema = z.strictObject({
  /** Shown to people: "Germany", "North America". Deals whose region equals the code or this name use the variant. */
  name: z.string().trim().min(1).max(100),
  stages: z
    .array(variantStageInputSchema)
    .max(50)
    .default([])
    .refine((s) => uniqueKeys(s.map((x) => x.stageId)), "each stage at most once"),
});
export const variantParamsSchema = z.object({ id: uuid, region: regionCodeSchema });

// ── Reads: the effective playbook, comparisons, a deal's playbook ──────────────────────

export const stepOrigins = ["global", "overridden", "added"] as const;
export const effectiveStepSchema = playbookStepSchema.extend({ origin: z.enum(stepOrigins) });
export type EffectiveStep = z.infer<typeof effectiveStepSchema>;
export const effectiveStageSchema = z.object({
  stageId: uuid,
  guidance: z.string(),
  guidanceOverridden: z.boolean(),
  sequential: z.boolean(),
  steps: z.array(effectiveStepSchema),
});
export type EffectiveStage = z.infer<typeof effectiveStageSchema>;
export const effectivePlaybookSchema = z.object({
  playbookId: uuid,
  pipelineId: uuid,
  name: z.string(),
  /** The variant applied; null for the global playbook. */
  variant: z.object({ region: z.string(), name: z.string() }).nullable(),
  stages: z.array(effectiveStageSchema),
});
export type EffectivePlaybook = z.infer<typeof effectivePlaybookSchema>;

/** `region`: a region or country as deals carry it (a variant's code or name); absent: global. */
export const effectiveQuerySchema = z.object({ region: z.string().trim().max(100).optional() });

/** "global" or a variant's region code. */
const sideSchema = z.union([z.literal("global"), regionCodeSchema]);
export const compareQuerySchema = z.object({ a: sideSchema.default("global"), b: sideSchema });

export const stepDiffStatuses = ["added", "removed", "changed", "same"] as const;
export const stepDiffSchema = z.object({
  key: z.string(),
  /** added: only in b; removed: only in a; changed: in both, different. */
  status: z.enum(stepDiffStatuses),
  a: playbookStepSchema.nullable(),
  b: playbookStepSchema.nullable(),
  /** The fields that differ (title, description, dueInDays, position). */
  changedFields: z.array(z.string()),
});
export type StepDiff = z.infer<typeof stepDiffSchema>;
export const stageDiffSchema = z.object({
  stageId: uuid,
  guidanceA: z.string(),
  guidanceB: z.string(),
  guidanceChanged: z.boolean(),
  sequentialA: z.boolean(),
  sequentialB: z.boolean(),
  steps: z.array(stepDiffSchema),
  /** True when anything in the stage differs. */
  changed: z.boolean(),
});
export type StageDiff = z.infer<typeof stageDiffSchema>;
export const playbookComparisonSchema = z.object({
  a: z.object({ region: z.string().nullable(), name: z.string() }),
  b: z.object({ region: z.string().nullable(), name: z.string() }),
  stages: z.array(stageDiffSchema),
});
export type PlaybookComparison = z.infer<typeof playbookComparisonSchema>;

export const playbookExportQuerySchema = z.object({ variant: sideSchema.default("global") });

export const dealStepTaskStatuses = ["open", "done", "deleted"] as const;
export const dealPlaybookStepSchema = effectiveStepSchema.extend({
  /** The task this step created for the deal's current stay in the stage; null: not yet. */
  task: z.object({ id: uuid, status: z.enum(dealStepTaskStatuses), dueDate: z.string().nullable() }).nullable(),
});
export type DealPlaybookStep = z.infer<typeof dealPlaybookStepSchema>;
export const dealPlaybookSchema = z.object({
  dealId: uuid,
  stageId: uuid,
  region: z.string().nullable(),
  /** Null when the deal's pipeline has no playbook. */
  playbook: z
    .object({
      id: uuid,
      name: z.string(),
      variant: z.object({ region: z.string(), name: z.string() }).nullable(),
      guidance: z.string(),
      sequential: z.boolean(),
      steps: z.array(dealPlaybookStepSchema),
    })
    .nullable(),
});
export type DealPlaybook = z.infer<typeof dealPlaybookSchema>;

import { z } from "zod";
import { contactSchema } from "../customers/customers.schemas.js";
import { listQuerySchema, uuid } from "../platform/common.js";

/** Identity resolution: identities of people, duplicate candidates, merges and their rules. */
export const identityKindSchema = z.enum(["email", "phone", "social", "external_id"]);

export const identitySchema = z.object({
  kind: identityKindSchema,
  value: z.string(),
  source: z.string(),
  createdAt: z.iso.datetime(),
});
export type Identity = z.infer<typeof identitySchema>;

/** Only identities that are not fields of the record: external ids and extra social handles. */
export const addIdentityBodySchema = z.strictObject({
  kind: z.enum(["external_id", "social"]),
  /** "system:id" for external ids ("salesforce:0035e00000abc"), "network:handle" for social. */
  value: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .regex(/^[A-Za-z0-9_.-]{1,50}:\S.*$/, "write it as system:id"),
  source: z.string().trim().min(1).max(100),
});

export const duplicateReasonSchema = z.enum([
  "same_email",
  "similar_email",
  "same_phone",
  "same_external_id",
  "same_company",
  "same_name",
  "nickname",
  "transliteration",
  "typo",
  "initial",
]);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** The side of a pair a list shows: enough to tell two people apart. */
export const personBriefSchema = z.object({
  id: uuid,
  name: z.string(),
  title: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  companies: z.array(z.string()),
  source: z.string().nullable(),
  ownerId: uuid.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const duplicateStatusSchema = z.enum(["open", "merged", "dismissed", "distinct"]);

export const duplicateSchema = z.object({
  id: uuid,
  score: z.number(),
  reasons: z.array(duplicateReasonSchema),
  status: duplicateStatusSchema,
  detectedAt: z.iso.datetime(),
  a: personBriefSchema,
  b: personBriefSchema,
  /** Which of the two should survive by default: the more complete, then the older. */
  suggestedSurvivorId: uuid,
});
export type Duplicate = z.infer<typeof duplicateSchema>;

export const listDuplicatesQuerySchema = listQuerySchema.extend({
  status: duplicateStatusSchema.default("open"),
  minScore: z.coerce.number().min(0).max(1).optional(),
});

export const mergeSideSchema = z.enum(["survivor", "merged"]);

export const mergeFieldSchema = z.object({
  field: z.string(),
  label: z.string(),
  survivor: z.unknown(),
  merged: z.unknown(),
  default: mergeSideSchema,
});

export const mergePreviewQuerySchema = z.object({ survivorId: uuid, mergedId: uuid });

export const mergePreviewSchema = z.object({
  survivor: contactSchema,
  merged: contactSchema,
  /** Fields that differ, with the default choice; emails, phones and tags are always united. */
  fields: z.array(mergeFieldSchema),
  /** What moves to the survivor, per participant (interactions, documents…). */
  moves: z.record(z.string(), z.number().int()),
});
export type MergePreview = z.infer<typeof mergePreviewSchema>;

export const createMergeBodySchema = z.strictObject({
  survivorId: uuid,
  mergedId: uuid,
  /** Field → which record's value to keep; fields left out take the default. */
  fields: z.record(z.string().max(100), mergeSideSchema).default({}),
});

export const mergeSchema = z.object({
  id: uuid,
  survivorId: uuid,
  mergedId: uuid,
  survivorName: z.string(),
  mergedName: z.string(),
  fields: z.record(z.string(), mergeSideSchema),
  moved: z.record(z.string(), z.number().int()),
  automatic: z.boolean(),
  mergedBy: uuid.nullable(),
  createdAt: z.iso.datetime(),
  undoneAt: z.iso.datetime().nullable(),
  undoneBy: uuid.nullable(),
  /** False once a later merge builds on one of these records or the merge was undone. */
  canUndo: z.boolean(),
});
export type Merge = z.infer<typeof mergeSchema>;

export const identitySettingsSchema = z.object({
  /** Pairs scoring at least this are merged without review; null = never. */
  autoMergeThreshold: z.number().min(0.5).max(1).nullable(),
  /** Merge without review when two people share an email address and their names agree. */
  autoMergeExactEmail: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export const updateIdentitySettingsBodySchema = z.strictObject({
  autoMergeThreshold: z.number().min(0.5).max(1).nullable(),
  autoMergeExactEmail: z.boolean(),
});

export const duplicateScanSchema = z.object({
  id: uuid,
  status: z.enum(["queued", "running", "done", "failed"]),
  phase: z.string(),
  processed: z.number().int(),
  total: z.number().int(),
  pairs: z.number().int(),
  candidates: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type DuplicateScan = z.infer<typeof duplicateScanSchema>;

export const listMergesQuerySchema = listQuerySchema.extend({ contactId: uuid.optional() });

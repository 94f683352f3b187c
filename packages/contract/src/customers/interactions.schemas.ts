import { z } from "zod";
import { uuid } from "../platform/common.js";

export const interactionTypes = ["note", "call", "meeting", "email", "chat", "social", "visit", "form", "purchase", "survey"] as const;
export const interactionTypeSchema = z.enum(interactionTypes);
export type InteractionType = z.infer<typeof interactionTypeSchema>;

export const interactionSchema = z.object({
  id: uuid,
  type: interactionTypeSchema,
  occurredAt: z.iso.datetime(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  direction: z.enum(["inbound", "outbound"]).nullable(),
  durationSeconds: z.number().int().nullable(),
  outcome: z.string().nullable(),
  endsAt: z.iso.datetime().nullable(),
  location: z.string().nullable(),
  authorId: uuid.nullable(),
  contactIds: z.array(uuid),
  companyIds: z.array(uuid),
  attendeeIds: z.array(uuid),
  mentionedUserIds: z.array(uuid),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const createInteractionBodySchema = z
  .strictObject({
    type: interactionTypeSchema,
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    subject: z.string().trim().max(500).nullish(),
    body: z.string().max(100_000).nullish(),
    direction: z.enum(["inbound", "outbound"]).nullish(),
    durationSeconds: z
      .number()
      .int()
      .min(0)
      .max(86_400 * 7)
      .nullish(),
    outcome: z.string().trim().max(100).nullish(),
    endsAt: z.iso.datetime({ offset: true }).nullish(),
    location: z.string().trim().max(300).nullish(),
    contactIds: z.array(uuid).max(100).default([]),
    companyIds: z.array(uuid).max(100).default([]),
    attendeeIds: z.array(uuid).max(100).default([]),
  })
  .refine((b) => b.contactIds.length + b.companyIds.length > 0, { message: "link at least one person or company", path: ["contactIds"] });

export const updateInteractionBodySchema = z
  .strictObject({
    occurredAt: z.iso.datetime({ offset: true }),
    subject: z.string().trim().max(500).nullable(),
    body: z.string().max(100_000).nullable(),
    direction: z.enum(["inbound", "outbound"]).nullable(),
    durationSeconds: z
      .number()
      .int()
      .min(0)
      .max(86_400 * 7)
      .nullable(),
    outcome: z.string().trim().max(100).nullable(),
    endsAt: z.iso.datetime({ offset: true }).nullable(),
    location: z.string().trim().max(300).nullable(),
  })
  .partial();

export const timelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  types: z.string().max(200).optional(),
});

export const listInteractionsQuerySchema = timelineQuerySchema.extend({
  contactId: uuid.optional(),
  companyId: uuid.optional(),
});

/**
 * The 360° summary of a person or a company. Modules contribute keys (interactions and
 * documents now; deals, tickets, campaigns later), so other keys may appear.
 */
export const recordSummarySchema = z.looseObject({
  interactionCount: z.number().int().optional(),
  interactionsByType: z.record(z.string(), z.number().int()).optional(),
  lastInteractionAt: z.iso.datetime().nullable().optional(),
  documentCount: z.number().int().optional(),
});

export const documentSchema = z.object({
  id: uuid,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: uuid.nullable(),
  createdAt: z.iso.datetime(),
});
export type DocumentInfo = z.infer<typeof documentSchema>;

export const notificationSchema = z.object({
  id: uuid,
  kind: z.string(),
  title: z.string(),
  entityType: z.string().nullable(),
  entityId: uuid.nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

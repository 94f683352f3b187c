import { z } from "zod";
import { uuid } from "../platform/common.js";

export const auditEntrySchema = z.object({
  id: z.string(),
  eventId: uuid,
  occurredAt: z.iso.datetime(),
  actorType: z.enum(["user", "api_key", "system"]),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: uuid,
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: uuid.optional(),
  actorId: uuid.optional(),
});

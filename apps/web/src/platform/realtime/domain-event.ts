import { z } from "zod";

/** One message of GET /api/v1/events/stream (`event: domain-event`). */
export const domainEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  occurredAt: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable().optional() }).optional(),
  payload: z.unknown().optional(),
});
export type DomainEvent = z.infer<typeof domainEventSchema>;

/** Not a contract endpoint (it is a stream, not JSON), so the path lives here, once. */
export const EVENT_STREAM_PATH = "/api/v1/events/stream";
export const DOMAIN_EVENT_NAME = "domain-event";

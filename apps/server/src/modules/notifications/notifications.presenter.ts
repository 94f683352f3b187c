import type { notificationSchema } from "@rapport/contract";
import type { z } from "zod";
import type { NotificationRow } from "./notifications.repository.js";

export function presentNotification(n: NotificationRow): z.output<typeof notificationSchema> {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    entityType: n.entity_type,
    entityId: n.entity_id,
    createdAt: new Date(n.created_at).toISOString(),
    readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
  };
}

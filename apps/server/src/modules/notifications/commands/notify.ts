import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type Actor, systemActor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { notificationsRepository } from "../notifications.repository.js";

export type NotifyInput = {
  workspaceId: string;
  userId: string;
  kind: string;
  title: string;
  entityType: string | null;
  entityId: string | null;
};

/**
 * Gives a user a notification, in the caller's transaction (it exists exactly when the change
 * that caused it was committed). The event lets the realtime stream ring that user's bell.
 */
export async function notify(tx: Transaction<DB>, n: NotifyInput) {
  const row = await notificationsRepository.insert(tx, {
    workspace_id: n.workspaceId,
    id: uuidv7(),
    user_id: n.userId,
    kind: n.kind,
    title: n.title.slice(0, 500),
    entity_type: n.entityType,
    entity_id: n.entityId,
  });
  await recordEvent(tx, systemActor(n.workspaceId), {
    type: "notification.created",
    entityType: "notification",
    entityId: row.id,
    payload: { userId: n.userId, kind: n.kind, title: row.title, entityType: n.entityType, entityId: n.entityId },
  });
  return row;
}

/** Marks one of the caller's notifications read; reading it twice changes nothing. */
export async function markNotificationRead(tx: Transaction<DB>, actor: Actor, userId: string, id: string) {
  const row = await notificationsRepository.mineForUpdate(tx, actor.workspaceId, userId, id);
  if (!row) throw notFound("notification");
  if (row.read_at) return;
  await notificationsRepository.markRead(tx, actor.workspaceId, id);
  await recordEvent(tx, actor, { type: "notification.read", entityType: "notification", entityId: id, payload: { userId } });
}

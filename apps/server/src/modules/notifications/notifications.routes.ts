import { notificationEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { markNotificationRead } from "./commands/notify.js";
import { presentNotification } from "./notifications.presenter.js";
import { notificationsRepository } from "./notifications.repository.js";

/** The bell shows the newest ones; older notifications are not worth paging through. */
const LIST_LIMIT = 100;

export function registerNotificationRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  // Any signed-in user reads their own notifications; API keys have none.
  route(app, auth, ep.list, async ({ principal, query }) => {
    if (!principal.userId) return { items: [], unreadCount: 0 };
    const ws = principal.workspaceId;
    const rows = await notificationsRepository.listMine(db, ws, principal.userId, {
      unreadOnly: query.unread === "true",
      limit: LIST_LIMIT,
    });
    return { items: rows.map(presentNotification), unreadCount: await notificationsRepository.unreadCount(db, ws, principal.userId) };
  });

  route(app, auth, ep.markRead, async ({ principal, params, req }) => {
    const userId = principal.userId;
    if (!userId) throw notFound("notification");
    await runCommand(db, req, (tx) => markNotificationRead(tx, actorOf(principal), userId, params.id));
    return undefined;
  });
}

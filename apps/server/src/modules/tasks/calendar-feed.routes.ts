import { taskEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf, type Principal } from "../../platform/auth/principal.js";
import { formatSessionToken, hashSecret, newSecret, parseSessionToken } from "../../platform/auth/tokens.js";
import type { DB } from "../../platform/db/schema.js";
import { recordEvent } from "../../platform/events/outbox.js";
import { runCommand } from "../../platform/http/command.js";
import { forbidden, notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { iamRepository, recordVisibility, timeZoneOf } from "../iam/index.js";
import { renderCalendarFeed } from "./calendar-feed.render.js";
import type { TaskLinkTypes } from "./task-links.js";
import { calendarFeedsRepository, tasksRepository } from "./tasks.repository.js";

/** A feed holds the next this many dated open tasks. */
const FEED_MAX = 1000;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function userOnly(p: Principal): string {
  if (!p.userId) throw forbidden("Calendar feeds belong to users.");
  return p.userId;
}

/** The feed's URL: the configured public address, else the one this request came to. */
function feedUrl(publicUrl: string | undefined, req: FastifyRequest, token: string) {
  const base = (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, "");
  return `${base}/api/v1/calendar/${token}.ics`;
}

/**
 * Each user's secret iCalendar feed of their open tasks. The token carries the workspace and
 * a random secret of which only the SHA-256 is stored: the URL is shown once, when created or
 * rotated; rotating or revoking makes the old URL answer 404 at once.
 */
export function registerCalendarFeedRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; auth: Authenticator; links: TaskLinkTypes; publicUrl: string | undefined; feedsPerMinute?: number },
) {
  const { db, auth, links } = deps;

  route(app, auth, ep.getCalendarFeed, async ({ principal }) => {
    const feed = await calendarFeedsRepository.ofUser(db, principal.workspaceId, userOnly(principal));
    return { active: feed !== undefined, createdAt: iso(feed?.created_at ?? null), lastUsedAt: iso(feed?.last_used_at ?? null) };
  });

  route(app, auth, ep.rotateCalendarFeed, async ({ principal, req }) => {
    const userId = userOnly(principal);
    const secret = newSecret();
    // Not stored for Idempotency-Key replays: the answer holds the secret. A retried call just rotates again.
    const row = await db.transaction().execute(async (tx) => {
      const feed = await calendarFeedsRepository.put(tx, principal.workspaceId, userId, hashSecret(secret));
      await recordEvent(tx, actorOf(principal), {
        type: "calendar_feed.rotated",
        entityType: "calendar_feed",
        entityId: userId,
        payload: { userId },
      });
      return feed;
    });
    return {
      url: feedUrl(deps.publicUrl, req, formatSessionToken(principal.workspaceId, secret)),
      createdAt: iso(row.created_at) as string,
    };
  });

  route(app, auth, ep.revokeCalendarFeed, async ({ principal, req }) => {
    const userId = userOnly(principal);
    await runCommand(db, req, async (tx) => {
      const removed = await calendarFeedsRepository.remove(tx, principal.workspaceId, userId);
      if (removed.numDeletedRows > 0n) {
        await recordEvent(tx, actorOf(principal), {
          type: "calendar_feed.revoked",
          entityType: "calendar_feed",
          entityId: userId,
          payload: { userId },
        });
      }
    });
    return undefined;
  });

  app.get<{ Params: { file: string } }>(
    "/api/v1/calendar/:file",
    {
      schema: { summary: "A user's tasks as an iCalendar feed (the secret URL is the credential)", tags: ["Tasks"] },
      // Per address and per token, so a leaked URL polled in a loop can't hog the server.
      config: { rateLimit: { max: deps.feedsPerMinute ?? 30, timeWindow: 60_000, keyGenerator: (req) => `ics:${req.ip}:${req.url}` } },
    },
    async (req, reply) => {
      const token = req.params.file.endsWith(".ics") ? parseSessionToken(req.params.file.slice(0, -4)) : undefined;
      if (!token) throw notFound("calendar");
      const feed = await calendarFeedsRepository.byTokenHash(db, token.workspaceId, hashSecret(token.secret));
      const user = feed && (await iamRepository.userById(db, feed.workspace_id, feed.user_id));
      if (!feed || !user?.active) throw notFound("calendar");
      const ws = feed.workspace_id;
      const teams = await iamRepository.teamIdsByUser(db, ws, [user.id]);
      const viewer: Principal = {
        workspaceId: ws,
        actorType: "user",
        actorId: user.id,
        userId: user.id,
        role: user.role,
        teamIds: teams.get(user.id) ?? [],
        sessionId: null,
      };
      const rows = await tasksRepository.datedOpenAssigned(db, ws, user.id, FEED_MAX);
      const refs = rows.flatMap((r) => (r.linked_type && r.linked_id ? [{ type: r.linked_type, id: r.linked_id }] : []));
      const names = await links.visibleNames(db, ws, refs, await recordVisibility(db, viewer));
      const body = renderCalendarFeed({
        name: `Rapport tasks — ${user.name}`,
        timeZone: (await timeZoneOf(db, ws, user.id)).timeZone,
        tasks: rows.map((r) => ({
          id: r.id,
          title: r.title,
          notes: r.notes,
          dueDate: r.due_on,
          dueAt: r.due_at ? new Date(r.due_at) : null,
          priority: r.priority,
          linkedName: r.linked_type && r.linked_id ? (names.get(`${r.linked_type}:${r.linked_id}`) ?? null) : null,
          revision: r.revision,
          updatedAt: new Date(r.updated_at),
        })),
      });
      await calendarFeedsRepository.touch(db, ws, user.id);
      return reply
        .header("Content-Type", "text/calendar; charset=utf-8")
        .header("Cache-Control", "private, no-store")
        .header("Content-Disposition", 'inline; filename="rapport-tasks.ics"')
        .send(body);
    },
  );
}

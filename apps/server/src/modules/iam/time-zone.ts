import { timeZoneEndpoints as ep, type MyTimeZone } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf, type Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { recordEvent } from "../../platform/events/outbox.js";
import { runCommand } from "../../platform/http/command.js";
import { forbidden } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";

type Q = Kysely<DB> | Transaction<DB>;

/**
 * A user's time zone: their own setting, else the workspace's. It decides what "today" is
 * for due dates and reminders; an API key follows the workspace.
 */
export async function timeZoneOf(q: Q, workspaceId: string, userId: string | null): Promise<MyTimeZone> {
  const ws = await q.selectFrom("workspaces").select("time_zone").where("id", "=", workspaceId).executeTakeFirstOrThrow();
  const own = userId
    ? ((await q.selectFrom("users").select("time_zone").where("workspace_id", "=", workspaceId).where("id", "=", userId).executeTakeFirst())
        ?.time_zone ?? null)
    : null;
  return { timeZone: own ?? ws.time_zone, own, workspace: ws.time_zone };
}

async function setMyTimeZone(tx: Transaction<DB>, p: Principal, timeZone: string | null): Promise<MyTimeZone> {
  if (!p.userId) throw forbidden("Only users have a time zone; API keys follow the workspace.");
  const before = await timeZoneOf(tx, p.workspaceId, p.userId);
  if (before.own !== timeZone) {
    await tx
      .updateTable("users")
      .set({ time_zone: timeZone, updated_at: sql`now()` })
      .where("workspace_id", "=", p.workspaceId)
      .where("id", "=", p.userId)
      .execute();
    await recordEvent(tx, actorOf(p), {
      type: "user.updated",
      entityType: "user",
      entityId: p.userId,
      payload: { changes: { timeZone: { old: before.own, new: timeZone } } },
    });
  }
  return timeZoneOf(tx, p.workspaceId, p.userId);
}

export function registerTimeZoneRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  route(app, deps.auth, ep.getMyTimeZone, ({ principal }) => timeZoneOf(deps.db, principal.workspaceId, principal.userId));
  route(app, deps.auth, ep.setMyTimeZone, ({ principal, body, req }) =>
    runCommand(deps.db, req, (tx) => setMyTimeZone(tx, principal, body.timeZone)),
  );
}

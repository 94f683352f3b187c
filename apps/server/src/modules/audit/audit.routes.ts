import { auditEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import { type Kysely, sql } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { badRequest } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;
  route(app, auth, ep.listAudit, async ({ principal, query }) => {
    requirePermission(principal, "audit.read");
    const after = query.cursor !== undefined ? Number(query.cursor) : undefined;
    if (after !== undefined && !Number.isSafeInteger(after)) throw badRequest("invalid_cursor", "The cursor is not valid.");
    let q = db
      .selectFrom("audit_log as a")
      .leftJoin("users as u", (j) => j.onRef("u.workspace_id", "=", "a.workspace_id").onRef("u.id", "=", "a.actor_id"))
      .leftJoin("api_keys as k", (j) => j.onRef("k.workspace_id", "=", "a.workspace_id").onRef("k.id", "=", "a.actor_id"))
      .select([
        "a.id",
        "a.event_id",
        "a.occurred_at",
        "a.actor_type",
        "a.actor_id",
        sql<string | null>`coalesce(u.name, k.name)`.as("actor_name"),
        "a.action",
        "a.entity_type",
        "a.entity_id",
        "a.field",
        "a.old_value",
        "a.new_value",
      ])
      .where("a.workspace_id", "=", principal.workspaceId);
    if (query.entityType) q = q.where("a.entity_type", "=", query.entityType);
    if (query.entityId) q = q.where("a.entity_id", "=", query.entityId);
    if (query.actorId) q = q.where("a.actor_id", "=", query.actorId);
    if (after !== undefined) q = q.where("a.id", "<", after);
    const rows = await q
      .orderBy("a.id", "desc")
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => ({
        id: String(r.id),
        eventId: r.event_id,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorType: r.actor_type as "user" | "api_key" | "system",
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        field: r.field,
        oldValue: r.old_value ?? null,
        newValue: r.new_value ?? null,
      })),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1]?.id) : null,
    };
  });
}

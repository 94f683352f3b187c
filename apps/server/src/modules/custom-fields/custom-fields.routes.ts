import { type CustomField, customFieldEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { diff, recordEvent } from "../../platform/events/outbox.js";
import { runCommand } from "../../platform/http/command.js";
import { badRequest, conflict, notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { type CustomFieldRow, customFieldsRepository } from "./custom-fields.repository.js";
import type { CustomFieldDefinitions } from "./definitions-cache.js";

export const presentCustomField = (r: CustomFieldRow): CustomField => ({
  id: r.id,
  objectType: r.object_type,
  key: r.key,
  label: r.label,
  type: r.type as CustomField["type"],
  options: r.options,
  required: r.required,
  position: r.position,
  createdAt: new Date(r.created_at).toISOString(),
});

const needsOptions = (type: string) => type === "select" || type === "multi_select";

export function registerCustomFieldRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; auth: Authenticator; definitions: CustomFieldDefinitions },
) {
  const { db, auth, definitions } = deps;

  route(app, auth, ep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    return { items: (await definitions.list(principal.workspaceId, query.objectType)).map(presentCustomField) };
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "workspace.manage");
    if (needsOptions(body.type) && body.options.length === 0) {
      throw badRequest("options_required", "Select fields need at least one option.", [{ path: "body.options", message: "required" }]);
    }
    const created = await runCommand(db, req, async (tx) => {
      const existing = await customFieldsRepository.list(tx, principal.workspaceId, body.objectType);
      if (existing.some((f) => f.key === body.key)) throw conflict("field_exists", `A field "${body.key}" exists already.`);
      if (existing.length >= 200) throw conflict("too_many_fields", "At most 200 custom fields per object.");
      const row = await tx
        .insertInto("custom_field_definitions")
        .values({
          workspace_id: principal.workspaceId,
          id: uuidv7(),
          object_type: body.objectType,
          key: body.key,
          label: body.label,
          type: body.type,
          options: JSON.stringify(needsOptions(body.type) ? body.options : []),
          required: body.required,
          position: body.position,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(tx, actorOf(principal), {
        type: "custom_field.created",
        entityType: "custom_field",
        entityId: row.id,
        payload: { after: presentCustomField(row) },
      });
      return presentCustomField(row);
    });
    definitions.changed(principal.workspaceId);
    return created;
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "workspace.manage");
    const updated = await runCommand(db, req, async (tx) => {
      const before = await customFieldsRepository.byId(tx, principal.workspaceId, params.id);
      if (!before) throw notFound("custom field");
      if (body.options && needsOptions(before.type) && body.options.length === 0) {
        throw badRequest("options_required", "Select fields need at least one option.", [{ path: "body.options", message: "required" }]);
      }
      const after = await tx
        .updateTable("custom_field_definitions")
        .set({
          ...(body.label !== undefined ? { label: body.label } : {}),
          ...(body.options !== undefined && needsOptions(before.type) ? { options: JSON.stringify(body.options) } : {}),
          ...(body.required !== undefined ? { required: body.required } : {}),
          ...(body.position !== undefined ? { position: body.position } : {}),
        })
        .where("workspace_id", "=", principal.workspaceId)
        .where("id", "=", params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const changes = diff(presentCustomField(before), presentCustomField(after));
      if (Object.keys(changes).length) {
        await recordEvent(tx, actorOf(principal), {
          type: "custom_field.updated",
          entityType: "custom_field",
          entityId: after.id,
          payload: { changes },
        });
      }
      return presentCustomField(after);
    });
    definitions.changed(principal.workspaceId);
    return updated;
  });

  route(app, auth, ep.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "workspace.manage");
    await runCommand(db, req, async (tx) => {
      const before = await customFieldsRepository.byId(tx, principal.workspaceId, params.id);
      if (!before) throw notFound("custom field");
      // Values stay in the records' JSON (restorable by re-creating the field); lists and
      // exports only show defined fields.
      await tx
        .deleteFrom("custom_field_definitions")
        .where("workspace_id", "=", principal.workspaceId)
        .where("id", "=", params.id)
        .execute();
      await recordEvent(tx, actorOf(principal), {
        type: "custom_field.deleted",
        entityType: "custom_field",
        entityId: before.id,
        payload: { before: presentCustomField(before) },
      });
    });
    definitions.changed(principal.workspaceId);
    return undefined;
  });
}

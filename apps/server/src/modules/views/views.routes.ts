import { viewEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { route } from "../../platform/http/route.js";
import { createView, deleteView, updateView } from "./commands/save-view.js";
import { viewOwnerOf } from "./views.policy.js";
import { presentView } from "./views.presenter.js";
import { viewsRepository } from "./views.repository.js";

/** Saving a personal view is reading, not writing records: read-only users may do it. */
export function registerViewRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  route(app, auth, ep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    const rows = await viewsRepository.visible(db, principal.workspaceId, viewOwnerOf(principal), query.objectType);
    return { items: rows.map(presentView) };
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "records.read");
    return runCommand(db, req, (tx) => createView(tx, principal, body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.read");
    return runCommand(db, req, (tx) => updateView(tx, principal, params.id, body));
  });

  route(app, auth, ep.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "records.read");
    await runCommand(db, req, (tx) => deleteView(tx, principal, params.id));
    return undefined;
  });
}

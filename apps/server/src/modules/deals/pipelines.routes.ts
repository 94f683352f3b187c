import { pipelineEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { route } from "../../platform/http/route.js";
import {
  createPipeline,
  createStage,
  loadPipeline,
  removeStage,
  reorderStages,
  setArchived,
  updatePipeline,
  updateStage,
} from "./commands/save-pipeline.js";
import { presentPipeline } from "./pipelines.presenter.js";
import { pipelinesRepository } from "./pipelines.repository.js";

/** Pipelines and stages: every role reads them; admins and managers (sales.manage) change them. */
export function registerPipelineRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  route(app, auth, ep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    const ws = principal.workspaceId;
    const rows = await pipelinesRepository.list(db, ws, query.archived);
    const stages = await pipelinesRepository.stagesOf(
      db,
      ws,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentPipeline(r, stages.get(r.id) ?? [])) };
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    return loadPipeline(db, principal.workspaceId, params.id);
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => createPipeline(tx, actorOf(principal), body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => updatePipeline(tx, actorOf(principal), params.id, body));
  });

  route(app, auth, ep.archive, async ({ principal, params, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => setArchived(tx, actorOf(principal), params.id, true));
  });

  route(app, auth, ep.unarchive, async ({ principal, params, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => setArchived(tx, actorOf(principal), params.id, false));
  });

  route(app, auth, ep.createStage, async ({ principal, params, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => createStage(tx, actorOf(principal), params.id, body));
  });

  route(app, auth, ep.updateStage, async ({ principal, params, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => updateStage(tx, actorOf(principal), params.id, params.stageId, body));
  });

  route(app, auth, ep.removeStage, async ({ principal, params, req }) => {
    requirePermission(principal, "sales.manage");
    await runCommand(db, req, (tx) => removeStage(tx, actorOf(principal), params.id, params.stageId));
    return undefined;
  });

  route(app, auth, ep.reorderStages, async ({ principal, params, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => reorderStages(tx, actorOf(principal), params.id, body));
  });
}

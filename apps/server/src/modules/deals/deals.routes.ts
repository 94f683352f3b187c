import { dealEndpoints as ep, pipelineEndpoints } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../platform/auth/principal.js";
import { parseFilters, parseSort, runList } from "../../platform/db/list-query/index.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { presentFields } from "../contacts/index.js";
import { recordVisibility } from "../iam/index.js";
import { dealContext } from "./commands/deal-context.js";
import { moveDeal } from "./commands/move-deal.js";
import { createDeal, updateDeal } from "./commands/save-deal.js";
import { setDealTrashed } from "./commands/trash-deal.js";
import { presentDeals } from "./deal-reads.js";
import { loadBoard, loadColumnPage } from "./deals.board.js";
import { allConditions, dealConditions, dealFields } from "./deals.fields.js";
import { presentHistory } from "./deals.presenter.js";
import { type DealRow, dealsRepository, dealVisible } from "./deals.repository.js";
import { presentPipeline } from "./pipelines.presenter.js";
import { pipelinesRepository } from "./pipelines.repository.js";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** `q`: the deal name contains the words, accent- and case-insensitive (trigram index). */
const nameContains = (q: string) => sql<boolean>`d.name_key LIKE '%' || rapport_fold(${escapeLike(q)}) || '%'`;

export function registerDealRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  async function getVisible(p: Principal, id: string, includeDeleted: boolean): Promise<DealRow> {
    const row = await dealsRepository.byId(db, p.workspaceId, id, await recordVisibility(db, p), { includeDeleted });
    if (!row) throw notFound("deal");
    return row;
  }

  /** Visibility, filters and search of the list and the board, all as SQL on alias d. */
  async function boardConditions(p: Principal, query: Record<string, unknown> & { q?: string | undefined }) {
    const conditions: RawBuilder<boolean>[] = [
      dealVisible(await recordVisibility(db, p)),
      ...allConditions(parseFilters(query, dealFields())),
    ];
    if (query.q) conditions.push(nameContains(query.q));
    return conditions;
  }

  route(app, auth, ep.fields, async ({ principal }) => {
    requirePermission(principal, "records.read");
    return { items: presentFields(dealFields()) };
  });

  route(app, auth, ep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    const fields = dealFields();
    const split = dealConditions(parseFilters(query, fields));
    const trash = query.trash === "true";
    const sort = parseSort(query.sort, fields, trash ? "-deletedAt" : "-updatedAt");
    const conditions = [
      dealVisible(await recordVisibility(db, principal)),
      trash ? sql<boolean>`d.deleted_at IS NOT NULL` : sql<boolean>`d.deleted_at IS NULL`,
      ...split.conditions,
    ];
    if (query.q) conditions.push(nameContains(query.q));
    const page = await runList<DealRow>(db, {
      table: "deals",
      alias: "d",
      workspaceId: principal.workspaceId,
      conditions,
      filters: split.filters,
      sort,
      cursor: query.cursor,
      limit: query.limit,
    });
    return { items: await presentDeals(db, principal.workspaceId, page.rows), nextCursor: page.nextCursor };
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    const [deal] = await presentDeals(db, principal.workspaceId, [await getVisible(principal, params.id, true)]);
    return deal;
  });

  route(app, auth, ep.history, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    await getVisible(principal, params.id, true);
    return presentHistory(await dealsRepository.history(db, principal.workspaceId, params.id));
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => createDeal(await dealContext(tx, principal), body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => updateDeal(await dealContext(tx, principal), params.id, body));
  });

  route(app, auth, ep.move, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => moveDeal(await dealContext(tx, principal), params.id, body));
  });

  route(app, auth, ep.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "records.delete");
    await runCommand(db, req, async (tx) => setDealTrashed(await dealContext(tx, principal), params.id, true));
    return undefined;
  });

  route(app, auth, ep.restore, async ({ principal, params, req }) => {
    requirePermission(principal, "records.delete");
    return runCommand(db, req, async (tx) => {
      const ctx = await dealContext(tx, principal);
      await setDealTrashed(ctx, params.id, false);
      const row = await dealsRepository.byId(tx, principal.workspaceId, params.id, ctx.visibility);
      const [deal] = await presentDeals(tx, principal.workspaceId, row ? [row] : [], ctx.now);
      if (!deal) throw notFound("deal");
      return deal;
    });
  });

  route(app, auth, pipelineEndpoints.board, async ({ principal, params, query }) => {
    requirePermission(principal, "records.read");
    const ws = principal.workspaceId;
    const row = await pipelinesRepository.byId(db, ws, params.id);
    if (!row) throw notFound("pipeline");
    const conditions = await boardConditions(principal, query);
    const stages = (await pipelinesRepository.stagesOf(db, ws, [row.id])).get(row.id) ?? [];
    return loadBoard(db, ws, presentPipeline(row, stages), stages, conditions, query.limit, new Date());
  });

  route(app, auth, pipelineEndpoints.boardStage, async ({ principal, params, query }) => {
    requirePermission(principal, "records.read");
    const ws = principal.workspaceId;
    const stage = await pipelinesRepository.stageById(db, ws, params.stageId);
    if (!stage || stage.pipeline_id !== params.id.toLowerCase()) throw notFound("stage");
    const conditions = await boardConditions(principal, query);
    return loadColumnPage(db, ws, stage.pipeline_id, stage.id, conditions, query, new Date());
  });
}

import { type EffectiveStage, playbookEndpoints as ep, playbookExportQuerySchema } from "@rapport/contract";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { type Authenticator, authenticate } from "../../platform/auth/authenticator.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { dealFacts } from "../deals/index.js";
import { canSeeOwner, recordVisibility } from "../iam/index.js";
import { createPlaybook, deletePlaybook, playbookContext, updatePlaybook } from "./commands/save-playbook.js";
import { deleteVariant, putVariant } from "./commands/save-variant.js";
import { comparePlaybooks } from "./compare.rules.js";
import { effectiveFor, versionOf } from "./effective.js";
import { exportFilename, renderPlaybookHtml } from "./export.render.js";
import { playbookPolicy } from "./playbooks.policy.js";
import { presentPlaybook, presentVariant } from "./playbooks.presenter.js";
import { playbooksRepository } from "./playbooks.repository.js";

const labelOf = (variant: { region: string; name: string } | null) => (variant ? `${variant.name} (${variant.region})` : "Global");

export function registerPlaybookRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  async function playbookOr404(p: Principal, id: string) {
    const row = await playbooksRepository.byId(db, p.workspaceId, id);
    if (!row) throw notFound("playbook");
    return row;
  }

  route(app, auth, ep.list, async ({ principal }) => {
    playbookPolicy.read(principal);
    const rows = await playbooksRepository.list(db, principal.workspaceId);
    const variants = await playbooksRepository.variants(
      db,
      principal.workspaceId,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentPlaybook(r, variants)) };
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    playbookPolicy.read(principal);
    const row = await playbookOr404(principal, params.id);
    return presentPlaybook(row, await playbooksRepository.variants(db, principal.workspaceId, [row.id]));
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    playbookPolicy.write(principal);
    return runCommand(db, req, (tx) => createPlaybook(playbookContext(tx, principal), body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    playbookPolicy.write(principal);
    return runCommand(db, req, (tx) => updatePlaybook(playbookContext(tx, principal), params.id, body));
  });

  route(app, auth, ep.delete, async ({ principal, params, req }) => {
    playbookPolicy.write(principal);
    await runCommand(db, req, (tx) => deletePlaybook(playbookContext(tx, principal), params.id));
    return undefined;
  });

  route(app, auth, ep.getVariant, async ({ principal, params }) => {
    playbookPolicy.read(principal);
    await playbookOr404(principal, params.id);
    const row = await playbooksRepository.variant(db, principal.workspaceId, params.id, params.region);
    if (!row) throw notFound("variant");
    return presentVariant(row);
  });

  route(app, auth, ep.putVariant, async ({ principal, params, body, req }) => {
    playbookPolicy.write(principal);
    return runCommand(db, req, (tx) => putVariant(playbookContext(tx, principal), params.id, params.region, body));
  });

  route(app, auth, ep.deleteVariant, async ({ principal, params, req }) => {
    playbookPolicy.write(principal);
    await runCommand(db, req, (tx) => deleteVariant(playbookContext(tx, principal), params.id, params.region));
    return undefined;
  });

  route(app, auth, ep.effective, async ({ principal, params, query }) => {
    playbookPolicy.read(principal);
    const row = await playbookOr404(principal, params.id);
    const { variant, stages } = await effectiveFor(db, row, query.region ?? null);
    return {
      playbookId: row.id,
      pipelineId: row.pipeline_id,
      name: row.name,
      variant: variant && { region: variant.region, name: variant.name },
      stages,
    };
  });

  route(app, auth, ep.compare, async ({ principal, params, query }) => {
    playbookPolicy.read(principal);
    const row = await playbookOr404(principal, params.id);
    const [a, b] = [await versionOf(db, row, query.a), await versionOf(db, row, query.b)];
    if (!a || !b) throw notFound("variant");
    const side = (v: typeof a) => ({ region: v.variant?.region ?? null, name: v.variant?.name ?? "Global" });
    return { a: side(a), b: side(b), stages: comparePlaybooks(a.stages, b.stages) };
  });

  route(app, auth, ep.forDeal, async ({ principal, params }) => {
    playbookPolicy.read(principal);
    const ws = principal.workspaceId;
    const deal = await dealFacts.deal(db, ws, params.id);
    // A deal the caller may not see answers like one that does not exist.
    if (!deal || !canSeeOwner(await recordVisibility(db, principal), deal.ownerId)) throw notFound("deal");
    const base = { dealId: deal.id, stageId: deal.stageId, region: deal.region };
    const playbook = await playbooksRepository.byPipeline(db, ws, deal.pipelineId);
    if (!playbook) return { ...base, playbook: null };
    const { variant, stages } = await effectiveFor(db, playbook, deal.region);
    const stage: EffectiveStage = stages.find((s) => s.stageId === deal.stageId) ?? {
      stageId: deal.stageId,
      guidance: "",
      guidanceOverridden: false,
      sequential: true,
      steps: [],
    };
    const tasks = await playbooksRepository.stepTasksOfStay(db, ws, deal.id, deal.stageId, deal.stageEnteredAt);
    return {
      ...base,
      playbook: {
        id: playbook.id,
        name: playbook.name,
        variant: variant && { region: variant.region, name: variant.name },
        guidance: stage.guidance,
        sequential: stage.sequential,
        steps: stage.steps.map((s) => {
          const t = tasks.find((x) => x.step_key === s.key);
          return { ...s, task: t ? { id: t.task_id, status: t.task_status, dueDate: t.due_on } : null };
        }),
      },
    };
  });

  // The offline copy: an HTML file, so registered here with the contract's query schema.
  app.get(
    "/api/v1/playbooks/:id/export.html",
    {
      schema: {
        summary: "Download a playbook version as a self-contained HTML file to read offline",
        tags: ["Playbooks"],
        params: ep.get.params,
        querystring: playbookExportQuerySchema,
        security: [{ session: [] }, { apiKey: [] }],
      },
      onRequest: async (req: FastifyRequest) => {
        req.principal = await authenticate(auth, req);
      },
    },
    async (req, reply) => {
      const principal = req.principal as Principal;
      playbookPolicy.read(principal);
      const { id } = req.params as { id: string };
      const { variant: side } = req.query as z.output<typeof playbookExportQuerySchema>;
      const row = await playbookOr404(principal, id);
      const version = await versionOf(db, row, side);
      if (!version) throw notFound("variant");
      const stageNames = new Map((await dealFacts.stages(db, principal.workspaceId, row.pipeline_id)).map((s) => [s.id, s.name]));
      const html = renderPlaybookHtml({
        name: row.name,
        versionLabel: labelOf(version.variant),
        stageNames,
        stages: version.stages,
        generatedAt: new Date(),
      });
      return reply
        .header("Content-Type", "text/html; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="${exportFilename(row.name, version.variant?.region ?? null)}"`)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .send(html);
    },
  );
}

import { companyEndpoints, contactEndpoints, interactionEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { badRequest, notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { type RecordVisibility, recordVisibility } from "../iam/index.js";
import { ENTITY_CODE, gatedPage, type RecordType, recordVisible, visibleRecords } from "../records/index.js";
import { createInteraction, deleteInteraction, interactionContext, updateInteraction } from "./commands/save-interaction.js";
import { parseTypes } from "./interaction.rules.js";
import { presentInteraction } from "./interactions.presenter.js";
import { type InteractionRow, interactionsRepository } from "./interactions.repository.js";

type TimelineQuery = { limit: number; cursor?: string | undefined; types?: string | undefined };

export function registerInteractionRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  async function present(p: Principal, v: RecordVisibility, rows: InteractionRow[]) {
    const ids = rows.map((r) => r.id);
    const related = {
      links: await interactionsRepository.links(db, p.workspaceId, ids, v),
      attendees: await interactionsRepository.attendees(db, p.workspaceId, ids),
    };
    return rows.map((r) => presentInteraction(r, related));
  }

  function pageOptions(query: TimelineQuery) {
    const { types, unknown } = parseTypes(query.types);
    if (unknown.length > 0) {
      throw badRequest("validation_failed", "The request is not valid.", [
        { path: "query.types", message: `unknown types: ${unknown.join(", ")}` },
      ]);
    }
    return { types, cursor: query.cursor, limit: query.limit };
  }

  /** The timeline of a person or company the caller may see (trashed ones too, like their page); else 404. */
  async function timeline(p: Principal, type: RecordType, id: string, query: TimelineQuery) {
    requirePermission(p, "records.read");
    const options = pageOptions(query);
    const v = await recordVisibility(db, p);
    // One statement: the record's visibility, the page, and each interaction's links and
    // attendees (decision 0035).
    const page = await gatedPage(
      () =>
        interactionsRepository.timeline(db, p.workspaceId, ENTITY_CODE[type], id, options, v, recordVisible(p.workspaceId, type, id, v)),
      () => visibleRecords(db, p.workspaceId, type, [id], v, { includeDeleted: true }),
      type,
    );
    const related = { links: page.rows.flatMap((r) => r.related_links), attendees: page.rows.flatMap((r) => r.related_attendees) };
    return { items: page.rows.map((r) => presentInteraction(r, related)), nextCursor: page.nextCursor };
  }

  route(app, auth, contactEndpoints.timeline, ({ principal, params, query }) => timeline(principal, "contact", params.id, query));
  route(app, auth, companyEndpoints.timeline, ({ principal, params, query }) => timeline(principal, "company", params.id, query));

  route(app, auth, ep.list, async ({ principal, query }) => {
    if (query.contactId && query.companyId) {
      throw badRequest("validation_failed", "The request is not valid.", [
        { path: "query.companyId", message: "give contactId or companyId, not both" },
      ]);
    }
    if (query.contactId) return timeline(principal, "contact", query.contactId, query);
    if (query.companyId) return timeline(principal, "company", query.companyId, query);
    requirePermission(principal, "records.read");
    const options = pageOptions(query);
    const v = await recordVisibility(db, principal);
    const page = await interactionsRepository.list(db, principal.workspaceId, v, options);
    return { items: await present(principal, v, page.rows), nextCursor: page.nextCursor };
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    const v = await recordVisibility(db, principal);
    const row = await interactionsRepository.byId(db, principal.workspaceId, params.id, v);
    if (!row) throw notFound("interaction");
    const [interaction] = await present(principal, v, [row]);
    return interaction;
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => createInteraction(await interactionContext(tx, principal), body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => updateInteraction(await interactionContext(tx, principal), params.id, body));
  });

  route(app, auth, ep.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "records.write");
    await runCommand(db, req, async (tx) => deleteInteraction(await interactionContext(tx, principal), params.id));
    return undefined;
  });
}

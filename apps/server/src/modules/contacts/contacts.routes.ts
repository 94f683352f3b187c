import { type Contact, contactEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../platform/auth/principal.js";
import { parseFilters, parseSort, runList } from "../../platform/db/list-query/index.js";
import type { DB } from "../../platform/db/schema.js";
import type { TextRow } from "../../platform/db/text-rows.js";
import { runCommand } from "../../platform/http/command.js";
import { pageText } from "../../platform/http/json-text.js";
import { notFound } from "../../platform/http/problem.js";
import { route, routeFoldingCredentialCheck } from "../../platform/http/route.js";
import { type CustomFieldDefinitions, type CustomFieldRow, customFieldsRepository } from "../custom-fields/index.js";
import { recordVisibility } from "../iam/index.js";
import { bulkRecords, type RecordExtensions, type RecordKind, registerRecordTrashRoutes } from "../records/index.js";
import type { SearchService } from "../search/index.js";
import { contactContext, createContact, createIsOneStatement, updateContact } from "./commands/save-contact.js";
import { contactFields, presentFields } from "./contacts.fields.js";
import { presentContact } from "./contacts.presenter.js";
import { type ContactPageRow, type ContactRow, contactsRepository, visibleCondition } from "./contacts.repository.js";
import { contactTokens } from "./contacts.search.js";
import { contactJsonFromText } from "./contacts.text-presenter.js";

export type ContactsDeps = {
  db: Kysely<DB>;
  auth: Authenticator;
  search: SearchService;
  extensions: RecordExtensions;
  definitions: CustomFieldDefinitions;
  defaultCountry: (workspaceId: string) => Promise<string>;
};

export function registerContactRoutes(app: FastifyInstance, deps: ContactsDeps) {
  const { db, auth } = deps;
  // Outside a transaction, this copy's cached definitions; inside one, the committed rows.
  const definitionsIn = (q: Kysely<DB> | Transaction<DB>, ws: string, object: "contact" | "company") =>
    q === db ? deps.definitions.list(ws, object) : customFieldsRepository.list(q, ws, object);

  async function present(p: Principal, rows: ContactPageRow[], q: Kysely<DB> | Transaction<DB> = db, defs?: CustomFieldRow[]) {
    const unread = rows.filter((r) => !r.company_links).map((r) => r.id);
    const links = await contactsRepository.companyLinks(q, p.workspaceId, unread);
    const keys = new Set((defs ?? (await definitionsIn(q, p.workspaceId, "contact"))).map((d) => d.key));
    return rows.map((r) => presentContact(r, r.company_links ?? links.get(r.id) ?? [], keys));
  }

  async function getVisible(p: Principal, id: string, includeDeleted = false, q: Kysely<DB> | Transaction<DB> = db) {
    const row = await contactsRepository.byId(q, p.workspaceId, id, await recordVisibility(q, p), { includeDeleted });
    if (!row) throw notFound("contact");
    return row;
  }

  route(app, auth, ep.fields, async ({ principal }) => {
    requirePermission(principal, "records.read");
    return { items: presentFields(contactFields(await deps.definitions.list(principal.workspaceId, "contact"))) };
  });

  // One statement reads the page: a remembered API key is re-verified in it (decision 0024).
  routeFoldingCredentialCheck(app, auth, ep.list, async ({ principal, query, credentialCheck }) => {
    requirePermission(principal, "records.read");
    const defs = await deps.definitions.list(principal.workspaceId, "contact");
    const fields = contactFields(defs);
    const filters = parseFilters(query, fields);
    const trash = query.trash === "true";
    const sort = parseSort(query.sort, fields, trash ? "-deletedAt" : "name");
    const visibility = await recordVisibility(db, principal);
    const conditions = [visibleCondition(visibility), trash ? sql<boolean>`c.deleted_at IS NOT NULL` : sql<boolean>`c.deleted_at IS NULL`];
    if (query.q) {
      const hits = await deps.search.search(principal, query.q, {
        limit: 50,
        types: ["contact"],
        defaultCountry: await deps.defaultCountry(principal.workspaceId),
      });
      conditions.push(sql<boolean>`c.id = ANY(${hits.map((h) => h.id)}::uuid[])`);
    }
    const page = await runList<TextRow>(db, {
      table: "contacts",
      alias: "c",
      workspaceId: principal.workspaceId,
      conditions,
      filters,
      sort,
      cursor: query.cursor,
      limit: query.limit,
      credentialCheck,
      pageColumns: [contactsRepository.companyLinksColumn()],
      asText: true,
    });
    // Each item's JSON is written from the row's text, as presentContact would write it: no
    // response parse (decision 0024), no parsed values (decision 0032).
    const keys = new Set(defs.map((d) => d.key));
    return pageText<Contact>(
      page.rows.map((r) => contactJsonFromText(r, keys)),
      page.nextCursor,
    );
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    // The company links come with the row: one statement (decision 0035).
    const row = await contactsRepository.byIdWithLinks(db, principal.workspaceId, params.id, await recordVisibility(db, principal), {
      includeDeleted: true,
    });
    if (!row) throw notFound("contact");
    const [contact] = await present(principal, [row]);
    return contact;
  });

  route(app, auth, ep.summary, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    await getVisible(principal, params.id, true);
    return deps.extensions.summary(principal, { entityType: "contact", id: params.id });
  });

  // A remembered API key is re-verified by the create's own statement, and a create without
  // links is that one statement without BEGIN/COMMIT: one round trip (decision 0031).
  routeFoldingCredentialCheck(app, auth, ep.create, async ({ principal, body, req, credentialCheck }) => {
    requirePermission(principal, "records.write");
    const country = await deps.defaultCountry(principal.workspaceId);
    const defs = await deps.definitions.list(principal.workspaceId, "contact");
    return runCommand(db, req, async (tx) => createContact(await contactContext(tx, principal, country, defs), body, credentialCheck), {
      oneStatement: createIsOneStatement(body),
    });
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.write");
    const country = await deps.defaultCountry(principal.workspaceId);
    return runCommand(db, req, async (tx) => updateContact(await contactContext(tx, principal, country), params.id, body));
  });

  registerRecordTrashRoutes(
    app,
    { db, auth },
    {
      what: "contact",
      endpoints: { remove: ep.remove, restore: ep.restore, bulk: ep.bulk },
      async bulk(tx, principal, action) {
        const ctx = await contactContext(tx, principal, "");
        const kind: RecordKind<ContactRow> = {
          table: "contacts",
          entity: "p",
          entityType: "contact",
          tokens: (row) => contactTokens(row, ctx.customDefs),
        };
        return bulkRecords(tx, ctx.actor, ctx.visibility, kind, action);
      },
      async presentOne(principal, id, tx) {
        const [contact] = await present(principal, [await getVisible(principal, id, false, tx)], tx);
        return contact as NonNullable<typeof contact>;
      },
    },
  );
}

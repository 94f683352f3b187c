import { companyEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../platform/auth/principal.js";
import { parseFilters, parseSort, runList } from "../../platform/db/list-query/index.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { serialized } from "../../platform/http/json-text.js";
import { notFound } from "../../platform/http/problem.js";
import { route, routeFoldingCredentialCheck } from "../../platform/http/route.js";
import { contactsRepository, presentContact, presentFields } from "../contacts/index.js";
import { type CustomFieldDefinitions, type CustomFieldRow, customFieldsRepository } from "../custom-fields/index.js";
import { recordVisibility } from "../iam/index.js";
import { bulkRecords, type RecordExtensions, type RecordKind, registerRecordTrashRoutes } from "../records/index.js";
import type { SearchService } from "../search/index.js";
import { companyContext, createCompany, updateCompany } from "./commands/save-company.js";
import { companyFields } from "./companies.fields.js";
import { presentCompany } from "./companies.presenter.js";
import { type CompanyRow, companiesRepository, visibleCondition } from "./companies.repository.js";
import { companyTokens } from "./companies.search.js";

export type CompaniesDeps = {
  db: Kysely<DB>;
  auth: Authenticator;
  search: SearchService;
  extensions: RecordExtensions;
  definitions: CustomFieldDefinitions;
  defaultCountry: (workspaceId: string) => Promise<string>;
};

type Q = Kysely<DB> | Transaction<DB>;

export function registerCompanyRoutes(app: FastifyInstance, deps: CompaniesDeps) {
  const { db, auth } = deps;
  // Outside a transaction, this copy's cached definitions; inside one, the committed rows.
  const definitionsIn = (q: Kysely<DB> | Transaction<DB>, ws: string, object: "contact" | "company") =>
    q === db ? deps.definitions.list(ws, object) : customFieldsRepository.list(q, ws, object);

  async function present(p: Principal, rows: CompanyRow[], q: Q = db, defs?: CustomFieldRow[]) {
    const counts = await contactsRepository.countByCompany(
      q,
      p.workspaceId,
      rows.map((r) => r.id),
      await recordVisibility(q, p),
    );
    const keys = new Set((defs ?? (await definitionsIn(q, p.workspaceId, "company"))).map((d) => d.key));
    return rows.map((r) => presentCompany(r, counts.get(r.id) ?? 0, keys));
  }

  async function getVisible(p: Principal, id: string, includeDeleted = false, q: Q = db) {
    const row = await companiesRepository.byId(q, p.workspaceId, id, await recordVisibility(q, p), { includeDeleted });
    if (!row) throw notFound("company");
    return row;
  }

  route(app, auth, ep.fields, async ({ principal }) => {
    requirePermission(principal, "records.read");
    return { items: presentFields(companyFields(await deps.definitions.list(principal.workspaceId, "company"))) };
  });

  // One statement reads the page: a remembered API key is re-verified in it (decision 0024).
  routeFoldingCredentialCheck(app, auth, ep.list, async ({ principal, query, credentialCheck }) => {
    requirePermission(principal, "records.read");
    const defs = await deps.definitions.list(principal.workspaceId, "company");
    const fields = companyFields(defs);
    const filters = parseFilters(query, fields);
    const trash = query.trash === "true";
    const sort = parseSort(query.sort, fields, trash ? "-deletedAt" : "name");
    const conditions = [
      visibleCondition(await recordVisibility(db, principal)),
      trash ? sql<boolean>`co.deleted_at IS NOT NULL` : sql<boolean>`co.deleted_at IS NULL`,
    ];
    if (query.q) {
      const hits = await deps.search.search(principal, query.q, {
        limit: 50,
        types: ["company"],
        defaultCountry: await deps.defaultCountry(principal.workspaceId),
      });
      conditions.push(sql<boolean>`co.id = ANY(${hits.map((h) => h.id)}::uuid[])`);
    }
    const page = await runList<CompanyRow>(db, {
      table: "companies",
      alias: "co",
      workspaceId: principal.workspaceId,
      conditions,
      filters,
      sort,
      cursor: query.cursor,
      limit: query.limit,
      credentialCheck,
    });
    // presentCompany writes every field of the contract itself: no response parse (decision 0024).
    return serialized({ items: await present(principal, page.rows, db, defs), nextCursor: page.nextCursor });
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    const [company] = await present(principal, [await getVisible(principal, params.id, true)]);
    return company;
  });

  route(app, auth, ep.summary, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    await getVisible(principal, params.id, true);
    return deps.extensions.summary(principal, { entityType: "company", id: params.id });
  });

  route(app, auth, ep.people, async ({ principal, params, query }) => {
    requirePermission(principal, "records.read");
    await getVisible(principal, params.id, true);
    const ws = principal.workspaceId;
    const page = await contactsRepository.contactsOfCompany(db, ws, params.id, await recordVisibility(db, principal), query);
    const links = await contactsRepository.companyLinks(
      db,
      ws,
      page.rows.map((r) => r.id),
    );
    const keys = new Set((await deps.definitions.list(ws, "contact")).map((d) => d.key));
    return { items: page.rows.map((r) => presentContact(r, links.get(r.id) ?? [], keys)), nextCursor: page.nextCursor };
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "records.write");
    const country = await deps.defaultCountry(principal.workspaceId);
    return runCommand(db, req, async (tx) => createCompany(await companyContext(tx, principal, country), body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.write");
    const country = await deps.defaultCountry(principal.workspaceId);
    return runCommand(db, req, async (tx) => updateCompany(await companyContext(tx, principal, country), params.id, body));
  });

  registerRecordTrashRoutes(
    app,
    { db, auth },
    {
      what: "company",
      endpoints: { remove: ep.remove, restore: ep.restore, bulk: ep.bulk },
      async bulk(tx, principal, action) {
        const ctx = await companyContext(tx, principal, "");
        const kind: RecordKind<CompanyRow> = {
          table: "companies",
          entity: "c",
          entityType: "company",
          tokens: (row) => companyTokens(row, ctx.customDefs),
        };
        return bulkRecords(tx, ctx.actor, ctx.visibility, kind, action);
      },
      async presentOne(principal, id, tx) {
        const [company] = await present(principal, [await getVisible(principal, id, false, tx)], tx);
        return company as NonNullable<typeof company>;
      },
    },
  );
}

import type { Contact, exportQuerySchema } from "@rapport/contract";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { z } from "zod";
import type { Principal } from "../../../platform/auth/principal.js";
import {
  type FieldDef,
  type Filter,
  filterCondition,
  parseFilters,
  parseSort,
  runList,
  type SortKey,
} from "../../../platform/db/list-query/index.js";
import type { DB } from "../../../platform/db/schema.js";
import { type CompanyRow, companyFields } from "../../companies/index.js";
import { type ContactRow, contactFields, contactsRepository, presentContact } from "../../contacts/index.js";
import { type CustomFieldRow, customFieldsRepository } from "../../custom-fields/index.js";
import { type RecordVisibility, recordVisibility } from "../../iam/index.js";
import { ownerVisible } from "../../records/index.js";
import type { SearchService } from "../../search/index.js";

export type ExportQuery = z.output<typeof exportQuerySchema>;
export type ExportObject = "contact" | "company";
type Presented = { contact: Contact; company: CompanyRow };

/** Rows per keyset page: large enough to amortise the query, small enough to keep memory flat. */
export const EXPORT_BATCH = 5000;

const TABLES = {
  contact: { table: "contacts", alias: "c", fields: contactFields, searchType: "contact" },
  company: { table: "companies", alias: "co", fields: companyFields, searchType: "company" },
} as const;

export type ExportSource<O extends ExportObject> = {
  defs: CustomFieldRow[];
  fields: Map<string, FieldDef>;
  /** The list's table, alias, conditions (tenant, visibility, trash, search, filters) and order, for one `COPY`. */
  table: (typeof TABLES)[O]["table"];
  alias: (typeof TABLES)[O]["alias"];
  where: RawBuilder<boolean>[];
  sort: SortKey[];
  /** The list's records in its order, a page at a time, presented as the API shows them (vCards). */
  batches(): AsyncGenerator<Presented[O][]>;
};

/**
 * The rows of a list view exactly as `GET /api/v1/<objects>` selects them — the same filters,
 * sort, search and trash parameters, the caller's record visibility in the SQL — read by
 * keyset pagination so an export of any size holds one page in memory. Everything that can
 * be rejected is checked here, before the response starts.
 */
export async function exportSource<O extends ExportObject>(
  db: Kysely<DB>,
  deps: { search: SearchService; defaultCountry: (workspaceId: string) => Promise<string> },
  principal: Principal,
  object: O,
  query: ExportQuery,
  visibility?: RecordVisibility,
): Promise<ExportSource<O>> {
  const t = TABLES[object];
  const ws = principal.workspaceId;
  const defs = await customFieldsRepository.list(db, ws, object);
  const fields = t.fields(defs);
  const filters = parseFilters(query, fields);
  const trash = query.trash === "true";
  const sort = parseSort(query.sort, fields, trash ? "-deletedAt" : "name");
  const v = visibility ?? (await recordVisibility(db, principal));
  const deleted = sql.ref(`${t.alias}.deleted_at`);
  const conditions: RawBuilder<boolean>[] = [
    ownerVisible(t.alias, v),
    trash ? sql<boolean>`${deleted} IS NOT NULL` : sql<boolean>`${deleted} IS NULL`,
  ];
  if (query.q) {
    const hits = await deps.search.search(principal, query.q, {
      limit: 200,
      types: [t.searchType],
      defaultCountry: await deps.defaultCountry(ws),
    });
    conditions.push(sql<boolean>`${sql.ref(`${t.alias}.id`)} = ANY(${hits.map((h) => h.id)}::uuid[])`);
  }
  const keys = new Set(defs.map((d) => d.key));
  async function present(rows: unknown[]): Promise<Presented[O][]> {
    if (object === "company") return rows as Presented[O][];
    const contacts = rows as ContactRow[];
    const links = await contactsRepository.companyLinks(
      db,
      ws,
      contacts.map((r) => r.id),
    );
    return contacts.map((r) => presentContact(r, links.get(r.id) ?? [], keys)) as Presented[O][];
  }
  const where = [
    sql<boolean>`${sql.ref(`${t.alias}.workspace_id`)} = ${ws}::uuid`,
    ...conditions,
    ...filters.map((f: Filter) => filterCondition(f)),
  ];
  return {
    defs,
    fields,
    table: t.table,
    alias: t.alias,
    where,
    sort,
    async *batches() {
      let cursor: string | undefined;
      do {
        const page = await runList<unknown>(db, {
          table: t.table,
          alias: t.alias,
          workspaceId: ws,
          conditions,
          filters,
          sort,
          cursor,
          limit: EXPORT_BATCH,
        });
        if (page.rows.length > 0) yield await present(page.rows);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
  };
}

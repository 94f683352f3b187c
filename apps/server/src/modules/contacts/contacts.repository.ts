import type { Kysely, RawBuilder, Selectable, Transaction } from "kysely";
import { sql } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
import { runList } from "../../platform/db/list-query/index.js";
import type { ContactsTable, DB } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";
import { contactFields } from "./contacts.fields.js";

type Q = Kysely<DB> | Transaction<DB>;
export type ContactRow = Selectable<ContactsTable>;
/** A list page's row, with its company links when the page query read them. */
export type ContactPageRow = ContactRow & { company_links?: CompanyLinkRow[] };
/** Every column a new contact is given by its command: nothing its event could miss is left to column defaults. */
export type NewContactValues = Pick<
  ContactRow,
  | "workspace_id"
  | "id"
  | "first_name"
  | "last_name"
  | "title"
  | "emails"
  | "phones"
  | "addresses"
  | "social"
  | "lifecycle_stage"
  | "source"
  | "owner_id"
  | "tags"
  | "notes"
  | "custom"
>;
export type CompanyLinkRow = { contact_id: string; company_id: string; name: string; role: string | null; is_primary: boolean };

/** SQL condition: the contact (alias `c`) is visible to the caller. */
export function visibleCondition(v: RecordVisibility): RawBuilder<boolean> {
  return v.all ? sql<boolean>`true` : sql<boolean>`(c.owner_id IS NULL OR c.owner_id = ANY(${v.ownerIds}::uuid[]))`;
}

/** The company links of the contact row `c`, as `companyLinks` reads them, as JSON. */
const companyLinksOfRow = () =>
  sql<CompanyLinkRow[]>`(SELECT coalesce(json_agg(json_build_object('contact_id', l.contact_id, 'company_id', l.company_id, 'name', co.name,
                                                   'role', l.role, 'is_primary', l.is_primary)
                                  ORDER BY l.is_primary DESC, co.name_key), '[]'::json)
           FROM contact_companies l
           JOIN companies co ON co.workspace_id = l.workspace_id AND co.id = l.company_id
          WHERE l.workspace_id = c.workspace_id AND l.contact_id = c.id AND co.deleted_at IS NULL)`;

export const contactsRepository = {
  /**
   * Inserts a new contact and runs the command's other writes (bodies of data-modifying
   * CTEs: its search tokens, its event) in the same statement: one round trip.
   */
  /**
   * `when`: the row (and every write of `writes`, which must carry the same condition) is
   * written only when it holds — the request's credential check (decision 0031); undefined
   * when it does not.
   */
  insertWith: async (
    tx: Transaction<DB>,
    c: NewContactValues,
    writes: RawBuilder<unknown>[],
    when: RawBuilder<boolean> = sql<boolean>`true`,
  ): Promise<ContactRow | undefined> => {
    const ctes = writes.map((w, i) => sql`, ${sql.raw(`w${i}`)} AS (${w})`);
    const r = await sql<ContactRow>`
      WITH c AS (
        INSERT INTO contacts (workspace_id, id, first_name, last_name, title, emails, phones, addresses, social, lifecycle_stage,
                              source, owner_id, tags, notes, custom)
        SELECT ${c.workspace_id}::uuid, ${c.id}::uuid, ${c.first_name}, ${c.last_name}, ${c.title}, ${c.emails}::text[], ${c.phones}::text[],
               ${JSON.stringify(c.addresses)}::jsonb, ${JSON.stringify(c.social)}::jsonb, ${c.lifecycle_stage}, ${c.source},
               ${c.owner_id}::uuid, ${c.tags}::text[], ${c.notes}, ${JSON.stringify(c.custom)}::jsonb
         WHERE ${when}
        RETURNING *
      )${sql.join(ctes, sql``)}
      SELECT * FROM c`.execute(tx);
    return r.rows[0];
  },

  /** One contact the caller may see (trashed ones too when asked), else undefined. */
  byId: (q: Q, ws: string, id: string, v: RecordVisibility, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}) => {
    let query = q
      .selectFrom("contacts as c")
      .selectAll()
      .where("c.workspace_id", "=", ws)
      .where("c.id", "=", id)
      .where(visibleCondition(v));
    if (!opts.includeDeleted) query = query.where("c.deleted_at", "is", null);
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /** `byId` for reading: the contact with its company links, in one statement. */
  byIdWithLinks: (
    q: Q,
    ws: string,
    id: string,
    v: RecordVisibility,
    opts: { includeDeleted?: boolean } = {},
  ): Promise<ContactPageRow | undefined> => {
    let query = q
      .selectFrom("contacts as c")
      .selectAll()
      .select(companyLinksOfRow().as("company_links"))
      .where("c.workspace_id", "=", ws)
      .where("c.id", "=", id)
      .where(visibleCondition(v));
    if (!opts.includeDeleted) query = query.where("c.deleted_at", "is", null);
    return query.executeTakeFirst();
  },

  byIds: (q: Q, ws: string, ids: string[], v: RecordVisibility) =>
    ids.length === 0
      ? Promise.resolve([] as ContactRow[])
      : q
          .selectFrom("contacts as c")
          .selectAll()
          .where("c.workspace_id", "=", ws)
          .where("c.id", "=", anyUuid(ids))
          .where("c.deleted_at", "is", null)
          .where(visibleCondition(v))
          .execute(),

  /**
   * What search shows of the visible contacts in the uuid array `ids`, with the first
   * company's name (primary first, as `companyLinks` orders them): a SELECT that search's
   * one statement embeds (decision 0033), not run on its own.
   */
  searchRecords: (q: Q, ws: string, ids: RawBuilder<unknown>, v: RecordVisibility) =>
    q
      .selectFrom("contacts as c")
      .select(["c.id", "c.name", "c.title", "c.emails", "c.phones", "c.tags"])
      .select(
        sql<string | null>`(SELECT co.name FROM contact_companies l
                              JOIN companies co ON co.workspace_id = l.workspace_id AND co.id = l.company_id
                             WHERE l.workspace_id = c.workspace_id AND l.contact_id = c.id AND co.deleted_at IS NULL
                             ORDER BY l.is_primary DESC, co.name_key LIMIT 1)`.as("company_name"),
      )
      .where("c.workspace_id", "=", ws)
      .where(sql<boolean>`c.id = ANY(${ids})`)
      .where("c.deleted_at", "is", null)
      .where(visibleCondition(v)),

  /** Visible ids among `ids` (bulk actions touch only what the caller could open). */
  visibleIds: async (q: Q, ws: string, ids: string[], v: RecordVisibility, deleted: boolean) => {
    const rows = await q
      .selectFrom("contacts as c")
      .select("c.id")
      .where("c.workspace_id", "=", ws)
      .where("c.id", "=", anyUuid(ids))
      .where("c.deleted_at", deleted ? "is not" : "is", null)
      .where(visibleCondition(v))
      .execute();
    return rows.map((r) => r.id);
  },

  /**
   * The `company_links` column of a list page (alias `c`): the same rows and order as
   * `companyLinks`, as JSON, computed in the page's own statement.
   */
  companyLinksColumn: (): RawBuilder<unknown> => sql`${companyLinksOfRow()} AS company_links`,

  companyLinks: async (q: Q, ws: string, contactIds: string[]): Promise<Map<string, CompanyLinkRow[]>> => {
    const map = new Map<string, CompanyLinkRow[]>(contactIds.map((id) => [id, []]));
    if (contactIds.length === 0) return map;
    const rows = await q
      .selectFrom("contact_companies as l")
      .innerJoin("companies as co", (j) => j.onRef("co.workspace_id", "=", "l.workspace_id").onRef("co.id", "=", "l.company_id"))
      .select(["l.contact_id", "l.company_id", "co.name", "l.role", "l.is_primary"])
      .where("l.workspace_id", "=", ws)
      .where("l.contact_id", "=", anyUuid(contactIds))
      .where("co.deleted_at", "is", null)
      .orderBy("l.is_primary", "desc")
      .orderBy("co.name_key")
      .execute();
    for (const r of rows) map.get(r.contact_id)?.push(r);
    return map;
  },

  setCompanyLinks: async (
    tx: Transaction<DB>,
    ws: string,
    contactId: string,
    links: { companyId: string; role: string | null; isPrimary: boolean }[],
  ) => {
    await tx.deleteFrom("contact_companies").where("workspace_id", "=", ws).where("contact_id", "=", contactId).execute();
    if (links.length === 0) return;
    // Exactly one primary company when there are links: the first one marked, else the first.
    const primary = Math.max(
      0,
      links.findIndex((l) => l.isPrimary),
    );
    await tx
      .insertInto("contact_companies")
      .values(
        links.map((l, i) => ({
          workspace_id: ws,
          contact_id: contactId,
          company_id: l.companyId,
          role: l.role,
          is_primary: i === primary,
        })),
      )
      .execute();
  },

  /** Ids of live companies of the workspace among `ids`. */
  existingCompanyIds: async (q: Q, ws: string, ids: string[]) => {
    if (ids.length === 0) return [] as string[];
    const rows = await q
      .selectFrom("companies")
      .select("id")
      .where("workspace_id", "=", ws)
      .where("id", "=", anyUuid(ids))
      .where("deleted_at", "is", null)
      .execute();
    return rows.map((r) => r.id);
  },

  /** One page, by name, of the live people linked to a company that the caller may see. */
  contactsOfCompany: (
    db: Kysely<DB>,
    ws: string,
    companyId: string,
    v: RecordVisibility,
    page: { limit: number; cursor?: string | undefined },
  ) => {
    const name = contactFields([]).get("name");
    if (!name) throw new Error("the name field is missing");
    return runList<ContactRow>(db, {
      table: "contacts",
      alias: "c",
      workspaceId: ws,
      conditions: [
        visibleCondition(v),
        sql<boolean>`c.deleted_at IS NULL`,
        sql<boolean>`EXISTS (SELECT 1 FROM contact_companies cc WHERE cc.workspace_id = c.workspace_id AND cc.contact_id = c.id AND cc.company_id = ${companyId}::uuid)`,
      ],
      filters: [],
      sort: [{ field: name, desc: false }],
      cursor: page.cursor,
      limit: page.limit,
    });
  },

  /** How many live people the caller may see are linked to each company. */
  countByCompany: async (q: Q, ws: string, companyIds: string[], v: RecordVisibility): Promise<Map<string, number>> => {
    const counts = new Map<string, number>(companyIds.map((id) => [id, 0]));
    if (companyIds.length === 0) return counts;
    const rows = await q
      .selectFrom("contact_companies as cc")
      .innerJoin("contacts as c", (j) => j.onRef("c.workspace_id", "=", "cc.workspace_id").onRef("c.id", "=", "cc.contact_id"))
      .select(["cc.company_id", (eb) => eb.fn.countAll<string>().as("n")])
      .where("cc.workspace_id", "=", ws)
      .where("cc.company_id", "=", anyUuid(companyIds))
      .where("c.deleted_at", "is", null)
      .where(visibleCondition(v))
      .groupBy("cc.company_id")
      .execute();
    for (const r of rows) counts.set(r.company_id, Number(r.n));
    return counts;
  },

  /** Live users of the workspace among `ids` (owners must be users of the workspace). */
  existingUserIds: async (q: Q, ws: string, ids: string[]) => {
    if (ids.length === 0) return [] as string[];
    const rows = await q.selectFrom("users").select("id").where("workspace_id", "=", ws).where("id", "=", anyUuid(ids)).execute();
    return rows.map((r) => r.id);
  },
};

import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from "kysely";
import { newestFirst } from "../../platform/db/newest-first.js";
import type { DB, DocumentsTable } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";
import { linkedRecordVisible } from "../records/index.js";
import type { EntityCode } from "../search/index.js";

type Q = Kysely<DB> | Transaction<DB>;
export type DocumentRow = Selectable<DocumentsTable>;

export const documentsRepository = {
  insert: (tx: Transaction<DB>, row: Omit<DocumentRow, "created_at">) =>
    tx.insertInto("documents").values(row).returningAll().executeTakeFirstOrThrow(),

  /** One document whose record the caller may see, else undefined: its id alone opens nothing. */
  byId: (q: Q, ws: string, id: string, v: RecordVisibility, opts: { forUpdate?: boolean } = {}) => {
    let query = q
      .selectFrom("documents as d")
      .selectAll()
      .where("d.workspace_id", "=", ws)
      .where("d.id", "=", id)
      .where(linkedRecordVisible("d", v));
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /**
   * The documents of one record, newest first; `gate` (the caller may see the record) is
   * evaluated in the same statement: no rows unless it holds (`gateOpen`).
   */
  ofRecord: (
    q: Q,
    ws: string,
    entity: EntityCode,
    entityId: string,
    page: { cursor?: string | undefined; limit: number },
    gate: RawBuilder<boolean>,
  ) =>
    newestFirst<DocumentRow>(q, {
      gate,
      select: sql`d.*`,
      from: sql`documents d`,
      at: "d.created_at",
      id: "d.id",
      where: [sql<boolean>`d.workspace_id = ${ws}::uuid AND d.entity_type = ${entity} AND d.entity_id = ${entityId}::uuid`],
      cursor: page.cursor,
      limit: page.limit,
    }),

  delete: (tx: Transaction<DB>, ws: string, id: string) =>
    tx.deleteFrom("documents").where("workspace_id", "=", ws).where("id", "=", id).execute(),

  count: async (q: Q, ws: string, entity: EntityCode, entityId: string) => {
    const r = await q
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("workspace_id", "=", ws)
      .where("entity_type", "=", entity)
      .where("entity_id", "=", entityId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};

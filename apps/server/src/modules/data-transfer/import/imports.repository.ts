import type { Insertable, Kysely, Selectable, Transaction, Updateable } from "kysely";
import { sql } from "kysely";
import { can } from "../../../platform/auth/permissions.js";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { type ImportsTable, withImports } from "./imports.tables.js";

type Q = Kysely<DB> | Transaction<DB>;
export type ImportRow = Selectable<ImportsTable>;

/** Whose imports a caller sees: their own, or all of the workspace for those who may delete records. */
export type ImportViewer = { all: boolean; actorId: string };

const q = (db: Q) => withImports(db as Kysely<DB>);

export const importsRepository = {
  insert: (tx: Transaction<DB>, values: Insertable<ImportsTable>) =>
    withImports(tx).insertInto("imports").values(values).returningAll().executeTakeFirstOrThrow(),

  byId: (db: Q, ws: string, id: string, viewer: ImportViewer | null, opts: { forUpdate?: boolean } = {}) => {
    let query = q(db).selectFrom("imports").selectAll().where("workspace_id", "=", ws).where("id", "=", id);
    if (viewer && !viewer.all) query = query.where("created_by_id", "=", viewer.actorId);
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /** The imports a viewer sees, newest first (ids are UUID v7: their order is their creation order). */
  list: (db: Q, ws: string, viewer: ImportViewer, beforeId: string | null, limit: number) => {
    let query = q(db).selectFrom("imports").selectAll().where("workspace_id", "=", ws);
    if (!viewer.all) query = query.where("created_by_id", "=", viewer.actorId);
    if (beforeId) query = query.where("id", "<", beforeId);
    return query.orderBy("id", "desc").limit(limit).execute();
  },

  update: (db: Q, ws: string, id: string, set: Updateable<ImportsTable>) =>
    q(db)
      .updateTable("imports")
      .set({ ...set, updated_at: sql`now()` })
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** Forgets the results of an earlier (dry) run before a new one starts. */
  resetRun: async (tx: Transaction<DB>, ws: string, id: string) => {
    const t = withImports(tx);
    await t.deleteFrom("import_keys").where("workspace_id", "=", ws).where("import_id", "=", id).execute();
    await t.deleteFrom("import_errors").where("workspace_id", "=", ws).where("import_id", "=", id).execute();
    await t.deleteFrom("import_rows").where("workspace_id", "=", ws).where("import_id", "=", id).execute();
  },

  /** One page of the error report, in file order. */
  errors: (db: Q, ws: string, id: string, after: { row: number; seq: number }, limit: number) =>
    q(db)
      .selectFrom("import_errors")
      .select(["row_number", "seq", "column_name", "reason"])
      .where("workspace_id", "=", ws)
      .where("import_id", "=", id)
      .where(sql<boolean>`(row_number, seq) > (${after.row}, ${after.seq})`)
      .orderBy("row_number")
      .orderBy("seq")
      .limit(limit)
      .execute(),

  /** One page of what the import did to one kind of record, by id. */
  appliedRows: (db: Q, ws: string, id: string, entity: "p" | "c", action: "c" | "u", afterId: string | null, limit: number) => {
    let query = q(db)
      .selectFrom("import_rows")
      .select(["entity_id", "before"])
      .where("workspace_id", "=", ws)
      .where("import_id", "=", id)
      .where("entity_type", "=", entity)
      .where("action", "=", action);
    if (afterId) query = query.where("entity_id", ">", afterId);
    return query.orderBy("entity_id").limit(limit).execute();
  },
};

/** The uploader sees an import; so do those who may delete records (admins, managers), who can also undo it. */
export function importViewer(p: Principal): ImportViewer {
  return { all: can(p.role, "records.delete"), actorId: p.actorId };
}

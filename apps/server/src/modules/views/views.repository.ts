import type { ViewObject } from "@rapport/contract";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB, SavedViewsTable } from "../../platform/db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type ViewRow = Selectable<SavedViewsTable>;

/** A view is visible to its owner, and to everyone in the workspace once shared. */
export const viewsRepository = {
  visible: (q: Q, ws: string, ownerId: string, objectType?: ViewObject) => {
    let query = q
      .selectFrom("saved_views")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where((eb) => eb.or([eb("owner_id", "=", ownerId), eb("shared", "=", true)]));
    if (objectType) query = query.where("object_type", "=", objectType);
    return query.orderBy("object_type").orderBy("name").orderBy("id").execute();
  },

  visibleById: (tx: Transaction<DB>, ws: string, ownerId: string, id: string) =>
    tx
      .selectFrom("saved_views")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .where((eb) => eb.or([eb("owner_id", "=", ownerId), eb("shared", "=", true)]))
      .forUpdate()
      .executeTakeFirst(),

  insert: (tx: Transaction<DB>, row: Omit<ViewRow, "created_at" | "updated_at" | "definition"> & { definition: string }) =>
    tx.insertInto("saved_views").values(row).returningAll().executeTakeFirstOrThrow(),

  update: (tx: Transaction<DB>, ws: string, id: string, set: { name?: string; shared?: boolean; definition?: string }) =>
    tx
      .updateTable("saved_views")
      .set({ ...set, updated_at: new Date() })
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  delete: (tx: Transaction<DB>, ws: string, id: string) =>
    tx.deleteFrom("saved_views").where("workspace_id", "=", ws).where("id", "=", id).execute(),
};

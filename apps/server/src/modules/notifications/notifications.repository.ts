import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { DB, NotificationsTable } from "../../platform/db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type NotificationRow = Selectable<NotificationsTable>;

/** Every method is scoped to one user of one workspace: nobody reads another's notifications. */
export const notificationsRepository = {
  insert: (tx: Transaction<DB>, row: Omit<NotificationRow, "created_at" | "read_at">) =>
    tx.insertInto("notifications").values(row).returningAll().executeTakeFirstOrThrow(),

  listMine: (q: Q, ws: string, userId: string, opts: { unreadOnly: boolean; limit: number }) => {
    let query = q.selectFrom("notifications").selectAll().where("workspace_id", "=", ws).where("user_id", "=", userId);
    if (opts.unreadOnly) query = query.where("read_at", "is", null);
    return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(opts.limit).execute();
  },

  unreadCount: async (q: Q, ws: string, userId: string) => {
    const r = await q
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("workspace_id", "=", ws)
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** One of the user's notifications, locked for the change; another user's id reads as missing. */
  mineForUpdate: (tx: Transaction<DB>, ws: string, userId: string, id: string) =>
    tx
      .selectFrom("notifications")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("user_id", "=", userId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst(),

  markRead: (tx: Transaction<DB>, ws: string, id: string) =>
    tx.updateTable("notifications").set({ read_at: sql<Date>`now()` }).where("workspace_id", "=", ws).where("id", "=", id).execute(),
};

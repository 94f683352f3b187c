import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
import type { DB, ProductsTable } from "../../platform/db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type ProductRow = Selectable<ProductsTable>;
export type PriceRow = { product_id: string; currency: string; unit_price_minor: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const productsRepository = {
  byId: (q: Q, ws: string, id: string, opts: { forUpdate?: boolean } = {}) => {
    let query = q.selectFrom("products").selectAll().where("workspace_id", "=", ws).where("id", "=", id);
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  byIds: (q: Q, ws: string, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as ProductRow[])
      : q.selectFrom("products").selectAll().where("workspace_id", "=", ws).where("id", "=", anyUuid(ids)).execute(),

  /** A page by name (then id), keyset after the cursor's (name_key, id). */
  list: (
    q: Q,
    ws: string,
    o: { limit: number; after?: { nameKey: string; id: string }; q?: string; active?: boolean; productLine?: string },
  ) => {
    let query = q.selectFrom("products").selectAll().where("workspace_id", "=", ws);
    if (o.after) query = query.where(sql<boolean>`(name_key, id) > (${o.after.nameKey}, ${o.after.id}::uuid)`);
    if (o.q) {
      const like = `%${escapeLike(o.q)}%`;
      query = query.where(sql<boolean>`(name_key LIKE '%' || rapport_fold(${escapeLike(o.q)}) || '%' OR code_key LIKE lower(${like}))`);
    }
    if (o.active !== undefined) query = query.where("active", "=", o.active);
    if (o.productLine) query = query.where("product_line", "=", o.productLine);
    return query
      .orderBy("name_key")
      .orderBy("id")
      .limit(o.limit + 1)
      .execute();
  },

  prices: async (q: Q, ws: string, productIds: string[]): Promise<Map<string, PriceRow[]>> => {
    const map = new Map<string, PriceRow[]>(productIds.map((id) => [id, []]));
    if (productIds.length === 0) return map;
    const rows = await q
      .selectFrom("product_prices")
      .select(["product_id", "currency", "unit_price_minor"])
      .where("workspace_id", "=", ws)
      .where("product_id", "=", anyUuid(productIds))
      .orderBy("currency")
      .execute();
    for (const r of rows) map.get(r.product_id)?.push(r);
    return map;
  },

  setPrices: async (tx: Transaction<DB>, ws: string, productId: string, prices: { currency: string; unitPriceMinor: number }[]) => {
    await tx.deleteFrom("product_prices").where("workspace_id", "=", ws).where("product_id", "=", productId).execute();
    if (prices.length === 0) return;
    await tx
      .insertInto("product_prices")
      .values(prices.map((p) => ({ workspace_id: ws, product_id: productId, currency: p.currency, unit_price_minor: p.unitPriceMinor })))
      .execute();
  },

  codeTaken: async (q: Q, ws: string, code: string, exceptId?: string) => {
    let query = q.selectFrom("products").select("id").where("workspace_id", "=", ws).where("code_key", "=", code.toLowerCase());
    if (exceptId) query = query.where("id", "<>", exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  },
};

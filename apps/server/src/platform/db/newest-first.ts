import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import { decodeCursor, encodeCursor } from "./list-query/index.js";
import type { DB } from "./schema.js";

export type NewestFirstSpec = {
  /** The selected columns, FROM clause and column names are constants of the calling repository. */
  select: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
  /** The time column and the id column that order the page, e.g. "l.occurred_at", "l.interaction_id". */
  at: string;
  id: string;
  where: RawBuilder<boolean>[];
  cursor: string | undefined;
  limit: number;
  /**
   * A condition evaluated once in the page's own statement (the 360° feeds: the caller may
   * see the record), instead of a lookup round trip of its own. No row is read unless it
   * holds; `gateOpen` says whether it did.
   */
  gate?: RawBuilder<boolean>;
};

/**
 * One page of a feed, newest first by (time DESC, id ASC) — the order of a
 * (…, time DESC, id) index — resuming after the cursor row, so rows added meanwhile never
 * make a page repeat or skip one.
 */
export async function newestFirst<Row extends { id: string }>(q: Kysely<DB> | Transaction<DB>, spec: NewestFirstSpec) {
  const at = sql.ref(spec.at);
  const id = sql.ref(spec.id);
  const where = [...spec.where];
  if (spec.cursor) {
    const c = decodeCursor(spec.cursor, 1);
    const t = sql`${c.values[0] ?? null}::timestamptz`;
    where.push(sql<boolean>`${at} <= ${t} AND (${at} < ${t} OR ${id} > ${c.id}::uuid)`);
  }
  const page = sql`
    SELECT ${spec.select}, ${at}::text AS cursor_at${spec.gate ? sql`, ${at} AS page_at, ${id} AS page_id` : sql``} FROM ${spec.from}
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY ${at} DESC, ${id} ASC
     LIMIT ${spec.limit + 1}`;
  // Gated: one row with gate_ok false when the gate is shut, else the page (or one row of
  // nulls for an empty page), in the page's order.
  const res = spec.gate
    ? await sql<Row & { cursor_at: string; gate_ok: boolean }>`
        SELECT g.gate_ok, p.* FROM (SELECT ${spec.gate} AS gate_ok) AS g
          LEFT JOIN LATERAL (${page}) AS p ON g.gate_ok
         ORDER BY p.page_at DESC, p.page_id ASC`.execute(q)
    : await page.$castTo<Row & { cursor_at: string; gate_ok?: undefined }>().execute(q);
  const gateOpen = res.rows[0]?.gate_ok !== false;
  const found = spec.gate ? res.rows.filter((r) => r.cursor_at !== null) : res.rows;
  const rows = found.slice(0, spec.limit);
  const last = rows[rows.length - 1];
  return {
    rows: rows as Row[],
    nextCursor: found.length > spec.limit && last ? encodeCursor([last.cursor_at], last.id) : null,
    gateOpen,
  };
}

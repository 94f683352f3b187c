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
  const res = await sql<Row & { cursor_at: string }>`
    SELECT ${spec.select}, ${at}::text AS cursor_at FROM ${spec.from}
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY ${at} DESC, ${id} ASC
     LIMIT ${spec.limit + 1}`.execute(q);
  const rows = res.rows.slice(0, spec.limit);
  const last = rows[rows.length - 1];
  return { rows: rows as Row[], nextCursor: res.rows.length > spec.limit && last ? encodeCursor([last.cursor_at], last.id) : null };
}

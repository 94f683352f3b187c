import type { CompiledQuery, Kysely } from "kysely";
import type pg from "pg";
import type { DB } from "./schema.js";

/** The pool behind each database handle (openDatabase registers it): textRows needs the raw client. */
const pools = new WeakMap<Kysely<DB>, pg.Pool>();

export function registerPool(db: Kysely<DB>, pool: pg.Pool) {
  pools.set(db, pool);
}

/** Every column as PostgreSQL's text output: no type parser runs. */
const AS_TEXT = { getTypeParser: () => (value: string) => value };

export type TextRow = Record<string, string | null>;

/**
 * Runs a compiled statement on the same pool (and the same per-connection prepared
 * statements) as Kysely's queries, but returns every column as PostgreSQL's text output,
 * null for NULL: no Date, array or JSON object is built per value. For hot read paths that
 * write their response JSON from that text themselves (decision 0032).
 */
export async function textRows(db: Kysely<DB>, query: CompiledQuery): Promise<TextRow[]> {
  const pool = pools.get(db);
  if (!pool) throw new Error("textRows: this database handle was not opened by openDatabase");
  const client = await pool.connect();
  try {
    const result = await client.query<TextRow>({ text: query.sql, values: [...query.parameters], types: AS_TEXT });
    return result.rows;
  } finally {
    client.release();
  }
}

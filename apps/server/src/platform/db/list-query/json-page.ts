import { type Kysely, type RawBuilder, sql } from "kysely";
import type { CredentialCheck } from "../../auth/credential-check.js";
import type { DB } from "../schema.js";
import { encodeCursor } from "./parse.js";
import { type ListSpec, pageStatement } from "./run-list.js";

/**
 * One page of a list presented by PostgreSQL (decision 0029): the items as one JSON array
 * text, built from `item` (a JSON expression over the page's alias, evaluated for the page's
 * rows only), and the next cursor from the same keyset values as `runList`. Node neither
 * parses the rows nor serialises objects: the text is sent as it came.
 *
 * `credentialCheck`, the caller's remembered credential (decision 0024), is re-verified in
 * this statement's snapshot: the page is read only if it still holds, and a failed check
 * throws 401.
 */
export async function runListJson(
  db: Kysely<DB>,
  spec: ListSpec & { credentialCheck?: CredentialCheck | undefined },
  item: RawBuilder<unknown>,
): Promise<{ items: string; nextCursor: string | null }> {
  const { page, order, alias } = pageStatement(spec);
  const sortColumns = spec.sort.map((_, i) => sql.ref(`sort_${i}`));
  // Row `limit + 1` only tells that there is a next page; its cursor is the row `limit`'s.
  const last = (column: RawBuilder<unknown>) => sql`(array_agg(${column}) FILTER (WHERE ${alias}.rn = ${sql.lit(spec.limit)}))[1]`;
  const aggregate = sql`
    SELECT '[' || coalesce(string_agg((${item})::text, ',' ORDER BY ${alias}.rn) FILTER (WHERE ${alias}.rn <= ${sql.lit(spec.limit)}), '') || ']' AS items,
           count(*)::int AS n,
           ${last(sql`${alias}.id::text`)} AS last_id
           ${sql.join(
             sortColumns.map((c, i) => sql`, ${last(sql`${alias}.${c}`)} AS ${sql.ref(`sort_${i}`)}`),
             sql``,
           )}
      FROM (SELECT ${alias}.*, row_number() OVER (ORDER BY ${order}) AS rn FROM (${page}) AS ${alias}) AS ${alias}`;
  type Row = { items: string | null; n: number | null; last_id: string | null } & Record<string, string | null>;
  let row: Row | undefined;
  if (spec.credentialCheck) {
    const result = await sql<Row & { credential_ok: boolean }>`
      SELECT credential.ok AS credential_ok, page.*
        FROM (SELECT ${spec.credentialCheck.stillValid} AS ok) AS credential
        LEFT JOIN LATERAL (${aggregate}) AS page ON credential.ok`.execute(db);
    spec.credentialCheck.settle(result.rows[0]?.credential_ok === true);
    row = result.rows[0];
  } else {
    row = (await sql<Row>`${aggregate}`.execute(db)).rows[0];
  }
  const n = row?.n ?? 0;
  const nextCursor =
    n > spec.limit && row?.last_id
      ? encodeCursor(
          spec.sort.map((_, i) => row?.[`sort_${i}`] ?? null),
          row.last_id,
        )
      : null;
  return { items: row?.items ?? "[]", nextCursor };
}

/**
 * A timestamptz as the text `Date.prototype.toISOString` writes of what pg parses
 * (`2026-11-29T13:43:14.499Z`: UTC, milliseconds truncated), or null; years 1–9999.
 * Three times cheaper than `to_char`: truncated to the millisecond plus one microsecond,
 * the JSON text of the UTC timestamp (XSD format whatever DateStyle says) always has six
 * fraction digits, of which the first three are kept.
 */
export function isoText(ts: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`substr(to_json(date_trunc('milliseconds', ${ts} AT TIME ZONE 'UTC') + interval '1 microsecond')::text, 2, 23) || 'Z'`;
}

/** Only the keys `keys` of a JSONB object (in its own key order); the object itself when it has no others. */
export function onlyKeysJson(obj: RawBuilder<unknown>, keys: string[]): RawBuilder<unknown> {
  return sql`CASE WHEN ${obj} - ${keys}::text[] = '{}'::jsonb THEN ${obj}
                  ELSE (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(${obj}) AS e WHERE e.key = ANY(${keys}::text[])) END`;
}

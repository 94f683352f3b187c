import { type Kysely, type RawBuilder, sql } from "kysely";
import type { CredentialCheck } from "../../auth/credential-check.js";
import type { DB } from "../schema.js";
import { filterCondition, keysetCondition, orderBy, sortValueColumns } from "./build.js";
import { decodeCursor, encodeCursor, type Filter, type SortKey } from "./parse.js";

export type ListSpec = {
  /** Table and alias are constants of the calling module, never request text. */
  table: "contacts" | "companies" | "tasks" | "deals";
  alias: string;
  workspaceId: string;
  /** Tenant-independent conditions of the caller: visibility, trash, search hits. */
  conditions: RawBuilder<boolean>[];
  filters: Filter[];
  sort: SortKey[];
  cursor: string | undefined;
  limit: number;
  /**
   * Extra columns computed only for the rows of the page (after the LIMIT), over the same
   * alias: a record's links, read in the page's round trip instead of one more query.
   */
  pageColumns?: RawBuilder<unknown>[];
  /**
   * The caller's remembered credential, re-verified in this statement's snapshot: the page
   * is read only if it still holds, and a failed check throws 401 (decision 0024).
   */
  credentialCheck?: CredentialCheck;
};

/**
 * One page of a filtered, sorted list by keyset pagination: the page after the cursor row,
 * so rows inserted or deleted meanwhile never make a page skip or repeat a row.
 */
export async function runList<Row>(db: Kysely<DB>, spec: ListSpec): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const idExpr = sql.ref(`${spec.alias}.id`);
  const where: RawBuilder<boolean>[] = [
    sql<boolean>`${sql.ref(`${spec.alias}.workspace_id`)} = ${spec.workspaceId}::uuid`,
    ...spec.conditions,
  ];
  for (const f of spec.filters) where.push(filterCondition(f));
  if (spec.cursor) {
    const c = decodeCursor(spec.cursor, spec.sort.length);
    where.push(keysetCondition(spec.sort, c.values, c.id, idExpr));
  }
  const alias = sql.ref(spec.alias);
  const page = sql`
    SELECT ${alias}.*, ${sql.join(sortValueColumns(spec.sort))}
      FROM ${sql.table(spec.table)} AS ${alias}
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY ${orderBy(spec.sort, idExpr)}
     LIMIT ${pageLimit(spec.limit)}`;
  const query = spec.pageColumns?.length
    ? sql`SELECT ${alias}.*, ${sql.join(spec.pageColumns)} FROM (${page}) AS ${alias} ORDER BY ${orderBy(spec.sort, idExpr)}`
    : page;
  const result = spec.credentialCheck
    ? await checkedPage<Row>(db, query, spec.credentialCheck, orderBy(spec.sort, idExpr), alias)
    : await sql<Row & Record<string, string | null>>`${query}`.execute(db);
  const rows = result.rows.slice(0, spec.limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    result.rows.length > spec.limit && last
      ? encodeCursor(
          spec.sort.map((_, i) => last[`sort_${i}`] ?? null),
          String((last as Record<string, unknown>).id),
        )
      : null;
  return { rows, nextCursor };
}

/**
 * The page joined to the credential check: one row `(false, nulls)` when the check fails,
 * `(true, nulls)` for an empty page, else the page's rows, in order, each with `true`.
 */
async function checkedPage<Row>(
  db: Kysely<DB>,
  page: RawBuilder<unknown>,
  check: CredentialCheck,
  order: RawBuilder<unknown>,
  alias: RawBuilder<unknown>,
) {
  const result = await sql<Row & Record<string, string | null> & { credential_ok: boolean }>`
    SELECT credential.ok AS credential_ok, ${alias}.*
      FROM (SELECT ${check.stillValid} AS ok) AS credential
      LEFT JOIN LATERAL (${page}) AS ${alias} ON credential.ok
     ORDER BY ${order}`.execute(db);
  check.settle(result.rows[0]?.credential_ok === true);
  return { rows: result.rows.filter((r) => (r as Record<string, unknown>).id !== null) };
}

/**
 * The LIMIT as a literal: with a bound `LIMIT $n` PostgreSQL estimates a generic plan for
 * 10 % of the table and so re-plans every execution of the prepared statement; with the
 * number in the text the generic plan costs what it is and is reused (decision 0014). The
 * limit is an integer the contract clamped (or a module's batch size), checked again here, never request text.
 */
function pageLimit(limit: number) {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new Error(`page limit ${limit} out of range`);
  return sql.lit(limit + 1);
}

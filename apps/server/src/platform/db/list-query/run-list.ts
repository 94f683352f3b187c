import { type Kysely, type RawBuilder, sql } from "kysely";
import type { CredentialCheck } from "../../auth/credential-check.js";
import type { DB } from "../schema.js";
import { textRows } from "../text-rows.js";
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
  /**
   * Rows with every column as PostgreSQL's text (`textRows`), for a presenter that writes
   * the item's JSON from it (decision 0032); then `Row` must be a `TextRow`.
   */
  asText?: boolean;
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
  const run = async (q: RawBuilder<unknown>) =>
    spec.asText ? await textRows(db, q.compile(db)) : (await sql<Record<string, unknown>>`${q}`.execute(db)).rows;
  const all = (
    spec.credentialCheck ? await checkedPage(run, query, spec.credentialCheck, orderBy(spec.sort, idExpr), alias) : await run(query)
  ) as (Row & Record<string, unknown>)[];
  const rows = all.slice(0, spec.limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    all.length > spec.limit && last
      ? encodeCursor(
          spec.sort.map((_, i) => (last[`sort_${i}`] as string | null | undefined) ?? null),
          String(last.id),
        )
      : null;
  return { rows, nextCursor };
}

/**
 * The page joined to the credential check: one row `(false, nulls)` when the check fails,
 * `(true, nulls)` for an empty page, else the page's rows, in order, each with `true`.
 */
async function checkedPage(
  run: (q: RawBuilder<unknown>) => Promise<Record<string, unknown>[]>,
  page: RawBuilder<unknown>,
  check: CredentialCheck,
  order: RawBuilder<unknown>,
  alias: RawBuilder<unknown>,
) {
  const rows = await run(sql`
    SELECT credential.ok AS credential_ok, ${alias}.*
      FROM (SELECT ${check.stillValid} AS ok) AS credential
      LEFT JOIN LATERAL (${page}) AS ${alias} ON credential.ok
     ORDER BY ${order}`);
  // A boolean, or its text "t" when the rows come as text.
  const ok = rows[0]?.credential_ok;
  check.settle(ok === true || ok === "t");
  return rows.filter((r) => r.id !== null);
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

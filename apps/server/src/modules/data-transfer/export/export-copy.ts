import { Readable } from "node:stream";
import { type Kysely, type RawBuilder, sql } from "kysely";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { orderBy } from "../../../platform/db/list-query/index.js";
import type { DB } from "../../../platform/db/schema.js";
import { crlfRecords, type RecordEnds } from "../csv-records.rules.js";
import type { ExportColumn } from "./export-columns.js";
import type { ExportObject, ExportSource } from "./export-source.js";

/**
 * How long one export may stream. The `COPY` runs on its own connection (never one of the
 * pool's), so a slow download holds only that; a download still running after this is cut.
 */
const EXPORT_STATEMENT_TIMEOUT_MS = 30 * 60_000;
/**
 * Sort and hash memory of the export's connection: with the 4 MB default a 150,000-row export
 * sorts on disk and hashes the people in 8 batches; this keeps them in memory up to a few
 * hundred thousand rows (PostgreSQL spills beyond, the Node process never holds them).
 */
const EXPORT_WORK_MEM = "64MB";

/**
 * Spreadsheet formula neutralisation of `csv-cells.rules.ts` (`neutraliseCell`) in SQL: a cell
 * starting with `=`, `+`, `-`, `@`, tab or CR — or with apostrophes before one of them — gets
 * one more leading apostrophe. `ascii()` reads the first character without a copy, so the
 * regular expression only runs for cells that start with an apostrophe. Empty cells are
 * written as NULL: COPY writes those unquoted, as the earlier writer did.
 */
const cell = (v: RawBuilder<unknown>) =>
  sql`CASE WHEN ascii(${v}) IN (61, 43, 45, 64, 9, 13) OR (ascii(${v}) = 39 AND ${v} ~ '^''+[=+\\-@\\t\\r]') THEN '''' || ${v}
           ELSE nullif(${v}, '') END`;

/**
 * The list view as one query whose every column is a finished CSV cell: the source's
 * conditions and order with the columns' expressions computed once in a subquery (OFFSET 0
 * keeps the planner from inlining it and evaluating each expression twice).
 */
function exportQuery<O extends ExportObject>(s: ExportSource<O>, columns: ExportColumn[]): RawBuilder<unknown> {
  const a = sql.ref(s.alias);
  const values = columns.map((c, i) => sql`${c.cell} AS ${sql.ref(`v${i}`)}`);
  const cells = columns.map((_, i) => cell(sql.ref(`x.v${i}`)));
  const joins = new Set(columns.flatMap((c) => (c.join ? [c.join] : [])));
  return sql`SELECT ${sql.join(cells)} FROM (
      SELECT ${sql.join(values)}
        FROM ${sql.table(s.table)} AS ${a} ${sql.join([...joins], sql` `)}
       WHERE ${sql.join(s.where, sql` AND `)}
       ORDER BY ${orderBy(s.sort, sql.ref(`${s.alias}.id`))}
      OFFSET 0) AS x`;
}

/**
 * `COPY` takes no bind parameters, so its query is sent as text with each bound value as a
 * literal that PostgreSQL itself quoted (`quote_nullable` of the value sent as a bind
 * parameter — strings, numbers, booleans and text arrays; anything else is refused). The
 * query text is otherwise the compiled allow-listed SQL; a `$` that is not one of its
 * placeholders stops the export rather than risk a wrong substitution.
 */
async function inlineParameters(client: pg.ClientBase, compiled: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  const params = compiled.parameters;
  const types = params.map((p, i) => {
    if (typeof p === "string") return "text";
    if (typeof p === "number" || typeof p === "bigint") return "numeric";
    if (typeof p === "boolean") return "boolean";
    if (Array.isArray(p) && p.every((x) => typeof x === "string")) return "text[]";
    throw new Error(`export parameter $${i + 1} has an unsupported type`);
  });
  const placeholders = compiled.sql.match(/\$\d+/g) ?? [];
  if ((compiled.sql.match(/\$/g) ?? []).length !== placeholders.length) throw new Error("export query has a stray $");
  if (params.length === 0) return compiled.sql;
  const quoted = await client.query<{ literals: string[] }>({
    text: `SELECT ARRAY[${types.map((t, i) => `quote_nullable($${i + 1}::${t})`).join(", ")}] AS literals`,
    values: params as unknown[],
  });
  const literals = quoted.rows[0]?.literals ?? [];
  return compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const literal = literals[Number(n) - 1];
    if (literal === undefined) throw new Error(`export query has no value for $${n}`);
    return literal;
  });
}

/**
 * The CSV records (no header) of the list view, streamed by PostgreSQL's `COPY … TO STDOUT`
 * on a connection of its own: PostgreSQL writes, quotes and escapes every cell, Node only
 * turns record ends into CRLF. Memory holds one network chunk whatever the size of the
 * export, and the socket is paused while the reader is behind (backpressure).
 */
export async function* copyCsvRecords<O extends ExportObject>(
  db: Kysely<DB>,
  connection: pg.ClientConfig,
  source: ExportSource<O>,
  columns: ExportColumn[],
  onRecords?: (records: number) => void,
): AsyncGenerator<Buffer> {
  // Connected on the first read, so a response that is never sent opens no connection.
  const client = new pg.Client({ ...connection, application_name: "rapport-export", statement_timeout: EXPORT_STATEMENT_TIMEOUT_MS });
  // A connection lost mid-export fails the read below; the client's own error event must
  // not crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(`SET work_mem = '${EXPORT_WORK_MEM}'`);
    const text = await inlineParameters(client, exportQuery(source, columns).compile(db));
    const state: RecordEnds = { inQuotes: false };
    for await (const chunk of client.query(copyTo(`COPY (${text}) TO STDOUT (FORMAT csv)`)) as AsyncIterable<Buffer>) {
      const r = crlfRecords(chunk, state);
      yield r.bytes;
      if (r.records > 0) onRecords?.(r.records);
    }
  } finally {
    await client.end().catch(() => {});
  }
}

export function bytesStream(head: string, body: AsyncIterable<Buffer>): Readable {
  async function* all() {
    yield Buffer.from(head);
    yield* body;
  }
  return Readable.from(all(), { objectMode: false });
}

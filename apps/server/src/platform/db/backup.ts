import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { schemaVersion } from "./migrate.js";

/**
 * Logical backup of every Rapport table, without pg_dump (the embedded package ships none, and
 * Debian's is older than the server). The schema is not stored: it is the migrations up to
 * `schemaVersion`, which a restore replays before loading the data.
 *
 * File layout (all inside one gzip stream, whose CRC catches corruption and truncation):
 *   header   one JSON line (BackupHeader) ending in "\n"
 *   frames   1 type byte + 4-byte big-endian payload length + payload:
 *            T {name, columns}  start of a table, in the header's order
 *            D <bytes>          COPY text-format data, any number of frames
 *            E {name, rows}     end of the table with its row count
 *            Z {tables, rows}   trailer; a file without it is incomplete
 */

export const BACKUP_FORMAT = "rapport-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const FRAME = { tableStart: 0x54, data: 0x44, tableEnd: 0x45, trailer: 0x5a } as const;
/** Data frames are split at this size so a reader never has to hold more. */
export const MAX_DATA_FRAME = 1 << 20;

export type BackupTable = { name: string; columns: string[] };
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  schemaVersion: string;
  createdAt: string;
  postgres: string;
  tables: BackupTable[];
};
/** `rows` counts every row written (or restored) so far, across tables. */
export type BackupProgress = { table: string; tablesDone: number; tablesTotal: number; rows: number };
export type BackupOptions = { onProgress?(p: BackupProgress): void };
export type BackupResult = { tables: number; rows: number; bytes: number; schemaVersion: string };

/**
 * Session settings shared by backup and restore. COPY's text format is exact for every type
 * (bytea in hex, floats in shortest round-trip form, timestamps with their offset) as long as
 * both sides agree on these; row_security=off makes a policy that would hide rows an error
 * instead of a silently incomplete backup.
 */
export const COPY_SETTINGS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
  "SET LOCAL row_security = off",
  "SET LOCAL statement_timeout = 0",
  "SET LOCAL idle_in_transaction_session_timeout = 0",
];

export type DataTable = BackupTable & { partitioned: boolean };

/**
 * The tables holding Rapport's data: ordinary and partitioned tables of `public`, except the
 * migration ledger (the restore's migrations write it) and tables owned by extensions.
 * Partitions are left out because their rows are read and written through the parent.
 * Ordered parents first by foreign key, so a restore can load them in this order.
 */
export async function listDataTables(client: pg.ClientBase): Promise<DataTable[]> {
  const rels = await client.query<{ oid: string; name: string; kind: string }>(
    `SELECT c.oid::text AS oid, c.relname AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relpersistence <> 't' AND c.relname <> 'schema_migrations'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`,
  );
  const oids = rels.rows.map((r) => r.oid);
  // Generated columns are computed again on insert; COPY FROM refuses values for them.
  const cols = await client.query<{ oid: string; name: string }>(
    `SELECT attrelid::text AS oid, attname AS name FROM pg_attribute
      WHERE attrelid = ANY($1::oid[]) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attrelid, attnum`,
    [oids],
  );
  const fks = await client.query<{ child: string; parent: string }>(
    `SELECT conrelid::text AS child, confrelid::text AS parent FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY($1::oid[]) AND confrelid = ANY($1::oid[])`,
    [oids],
  );
  const byOid = new Map(rels.rows.map((r) => [r.oid, { name: r.name, columns: [] as string[], partitioned: r.kind === "p" }]));
  for (const c of cols.rows) byOid.get(c.oid)?.columns.push(c.name);
  const order = topologicalOrder(
    oids,
    fks.rows.map((f) => [f.parent, f.child] as const),
  );
  return order.map((oid) => byOid.get(oid)).filter((t): t is DataTable => t !== undefined);
}

/**
 * Kahn's algorithm over foreign keys (parent before child), ties broken by the input order so
 * the file is deterministic. Self-references need no order (COPY checks them at the end of
 * its statement). A cycle between tables is appended as is; the restore defers deferrable
 * constraints, and a cycle of non-deferrable ones could not be loaded by any order anyway.
 */
export function topologicalOrder(nodes: string[], edges: ReadonlyArray<readonly [string, string]>): string[] {
  const indegree = new Map(nodes.map((n) => [n, 0]));
  const children = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const [parent, child] of edges) {
    if (parent === child) continue;
    children.get(parent)?.push(child);
    indegree.set(child, (indegree.get(child) ?? 0) + 1);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (order.length < nodes.length && progress) {
    progress = false;
    for (const n of nodes) {
      if (placed.has(n) || (indegree.get(n) ?? 0) > 0) continue;
      placed.add(n);
      order.push(n);
      for (const c of children.get(n) ?? []) indegree.set(c, (indegree.get(c) ?? 0) - 1);
      progress = true;
      break; // restart from the first node so ties keep the input order
    }
  }
  for (const n of nodes) if (!placed.has(n)) order.push(n);
  return order;
}

export function quotedTable(t: { name: string }): string {
  return `public.${pg.escapeIdentifier(t.name)}`;
}
export function quotedColumns(t: BackupTable): string {
  return t.columns.map((c) => pg.escapeIdentifier(c)).join(", ");
}

function frameHeader(type: number, length: number): Buffer {
  const b = Buffer.alloc(5);
  b[0] = type;
  b.writeUInt32BE(length, 1);
  return b;
}
function jsonFrame(type: number, value: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(value), "utf8");
  return Buffer.concat([frameHeader(type, payload.length), payload]);
}

/** Each row of COPY's text format ends in a newline; newlines inside values are escaped. */
function countRows(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

export async function backupDatabase(admin: pg.ClientConfig, file: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const partial = `${file}.partial`;
  const client = new pg.Client({ ...admin, application_name: "rapport-backup" });
  // A dropped connection also fails the pending query, which is what reports it; without a
  // listener the emitted event would crash the process instead.
  client.on("error", () => {});
  await client.connect();
  let wrote = false;
  try {
    // One snapshot for every table: the backup is what a single reader saw at one instant,
    // whatever commits meanwhile. READ ONLY guarantees the backup itself changes nothing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const s of COPY_SETTINGS) await client.query(s);
    const version = await schemaVersion(client);
    if (!version) throw new Error("the database has no applied migrations: nothing to back up");
    const tables = await listDataTables(client);
    // ACCESS SHARE keeps a concurrent migration from dropping or altering a table under the
    // backup (it waits instead); writes go on as usual.
    await client.query("SET LOCAL lock_timeout = '60s'");
    if (tables.length) await client.query(`LOCK TABLE ${tables.map(quotedTable).join(", ")} IN ACCESS SHARE MODE`);
    const server = await client.query<{ server_version: string }>("SHOW server_version");
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: version,
      createdAt: new Date().toISOString(),
      postgres: server.rows[0]?.server_version ?? "unknown",
      tables: tables.map(({ name, columns }) => ({ name, columns })),
    };

    let rows = 0;
    let tablesDone = 0;
    const report = (table: string) => opts.onProgress?.({ table, tablesDone, tablesTotal: tables.length, rows });
    async function* content(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${JSON.stringify(header)}\n`, "utf8");
      for (const t of tables) {
        yield jsonFrame(FRAME.tableStart, { name: t.name, columns: t.columns });
        report(t.name);
        // ONLY: rows of inheritance children belong to those tables, not to this one.
        const from = t.partitioned ? quotedTable(t) : `ONLY ${quotedTable(t)}`;
        const stream = client.query(copyTo(`COPY (SELECT ${quotedColumns(t)} FROM ${from}) TO STDOUT`));
        let tableRows = 0;
        // Chunks flow straight from the socket to gzip with backpressure: constant memory.
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          for (let at = 0; at < chunk.length; at += MAX_DATA_FRAME) {
            const part = chunk.subarray(at, at + MAX_DATA_FRAME);
            yield frameHeader(FRAME.data, part.length);
            yield part;
          }
          const n = countRows(chunk);
          tableRows += n;
          rows += n;
          report(t.name);
        }
        yield jsonFrame(FRAME.tableEnd, { name: t.name, rows: tableRows });
        tablesDone++;
        report(t.name);
      }
      yield jsonFrame(FRAME.trailer, { tables: tables.length, rows });
    }

    // The file holds password and key hashes: owner-only from its first byte. Written under a
    // temporary name and renamed once durable, so `file` is never a half-written backup.
    await fsp.rm(partial, { force: true });
    wrote = true;
    await pipeline(content(), zlib.createGzip(), fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
    await client.query("COMMIT");
    await fsyncPath(partial);
    await fsp.rename(partial, file);
    await fsyncPath(path.dirname(path.resolve(file)));
    const { size } = await fsp.stat(file);
    return { tables: tables.length, rows, bytes: size, schemaVersion: version };
  } catch (err) {
    if (wrote) await fsp.rm(partial, { force: true }).catch(() => {});
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

/** fsync through a fresh descriptor: flushes the file's (or directory entry's) pages. */
async function fsyncPath(p: string) {
  const fh = await fsp.open(p, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

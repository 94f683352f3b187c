import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { rebaseOutboxAfterRestore } from "../events/rebase.js";
import type { Logger } from "../logging/logger.js";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupOptions,
  type BackupTable,
  COPY_SETTINGS,
  type DataTable,
  FRAME,
  listDataTables,
  MAX_DATA_FRAME,
  quotedColumns,
  quotedTable,
} from "./backup.js";
import { listMigrations, migrate, schemaVersion } from "./migrate.js";

/** A restore that was refused or failed; the database is left as it was. */
export class RestoreError extends Error {
  override name = "RestoreError";
}

export type RestoreResult = { tables: number; rows: number; schemaVersion: string };

const MAX_HEADER = 16 << 20;

/**
 * Loads a backup made by `backupDatabase` into an empty database: migrates it to the backup's
 * schema version, loads every table in one transaction (all or nothing), then migrates it to
 * the current version so older backups restore into newer Rapport releases.
 */
export async function restoreDatabase(admin: pg.ClientConfig, file: string, log: Logger, opts: BackupOptions = {}): Promise<RestoreResult> {
  const reader = openBackup(file);
  const client = new pg.Client({ ...admin, application_name: "rapport-restore" });
  // A dropped connection also fails the pending query, which is what reports it; without a
  // listener the emitted event would crash the process instead.
  client.on("error", () => {});
  try {
    // The header is checked before anything touches the database.
    const header = parseHeader(await reader.line(MAX_HEADER));
    await client.connect();
    await refuseUnlessEmpty(client);
    if (!listMigrations().some((m) => m.version === header.schemaVersion)) {
      throw new RestoreError(
        `the backup has schema version ${header.schemaVersion}, which this Rapport does not know: restore it with the release that made it or a newer one`,
      );
    }
    const current = (await hasLedger(client)) ? await schemaVersion(client) : undefined;
    if (current !== undefined && current > header.schemaVersion) {
      throw new RestoreError(
        `the database is already migrated to ${current}, past the backup's ${header.schemaVersion}; migrations only go forward, so restore into a fresh data directory (a new RAPPORT_DATA_DIR, or an empty database) without starting Rapport on it first`,
      );
    }
    await migrate(client, log, { upTo: header.schemaVersion });

    await client.query("BEGIN");
    let result: RestoreResult;
    try {
      result = await load(client, header, reader, opts);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
    log.info({ tables: result.tables, rows: result.rows, schemaVersion: header.schemaVersion }, "backup restored");
    // The data is committed; newer migrations now run over it exactly as on an upgrade. If one
    // fails it is reported like a failed upgrade, and the next start of Rapport retries it.
    await migrate(client, log);
    await rebaseOutboxAfterRestore(client);
    return result;
  } finally {
    reader.close();
    await client.end().catch(() => {});
  }
}

async function load(client: pg.Client, header: BackupHeader, reader: BackupReader, opts: BackupOptions): Promise<RestoreResult> {
  for (const s of COPY_SETTINGS) await client.query(s);
  const tables = await listDataTables(client);
  // Nobody else may write while we load: a running server would fail the emptiness check or
  // interleave its rows with ours. Waiting forever for it would look like a hang.
  await client.query("SET LOCAL lock_timeout = '10s'");
  try {
    if (tables.length) await client.query(`LOCK TABLE ${tables.map(quotedTable).join(", ")} IN ACCESS EXCLUSIVE MODE`);
  } catch (err) {
    throw new RestoreError(`the database is in use (${(err as Error).message}); stop Rapport before restoring`);
  }
  await refuseUnlessEmpty(client, tables); // again, now that nobody can insert
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const target = byName.get(t.name);
    const missing = target ? t.columns.filter((c) => !target.columns.includes(c)) : t.columns;
    if (!target || missing.length) {
      throw new RestoreError(
        `table ${t.name} in the backup does not match the schema at ${header.schemaVersion} (missing: ${target ? missing.join(", ") : "the table"})`,
      );
    }
  }
  // User triggers stay off while loading: the rows are already what those triggers produced,
  // and firing them again would change timestamps, duplicate derived rows or send
  // notifications. Foreign keys (internal triggers) are still checked.
  const triggers = await client.query<{ table: string; name: string; enabled: string }>(
    `SELECT c.relname AS table, t.tgname AS name, t.tgenabled::text AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relname = ANY($1::text[])`,
    [header.tables.map((t) => t.name)],
  );
  for (const t of triggers.rows)
    await client.query(`ALTER TABLE ${quotedTable({ name: t.table })} DISABLE TRIGGER ${pg.escapeIdentifier(t.name)}`);
  await client.query("SET CONSTRAINTS ALL DEFERRED");

  let rows = 0;
  let tablesDone = 0;
  for (const t of header.tables) {
    const start = await reader.frame();
    if (start?.type !== FRAME.tableStart || parseJson<{ name?: unknown }>(start.payload).name !== t.name) {
      throw new RestoreError(`corrupt backup: expected the start of table ${t.name}`);
    }
    opts.onProgress?.({ table: t.name, tablesDone, tablesTotal: header.tables.length, rows });
    let end: { rows: number } | undefined;
    const startRows = rows;
    // Pulls data frames until the table's end frame; the COPY stream's backpressure paces it.
    async function* data(): AsyncGenerator<Buffer> {
      for (;;) {
        const f = await reader.frame();
        if (f?.type === FRAME.data) {
          yield f.payload;
          rows += countNewlines(f.payload);
          opts.onProgress?.({ table: t.name, tablesDone, tablesTotal: header.tables.length, rows });
        } else if (f?.type === FRAME.tableEnd) {
          const e = parseJson<{ name?: unknown; rows?: unknown }>(f.payload);
          if (e.name !== t.name || typeof e.rows !== "number") throw new RestoreError(`corrupt backup: bad end of table ${t.name}`);
          end = { rows: e.rows };
          return;
        } else {
          throw new RestoreError(`corrupt backup: table ${t.name} ends early`);
        }
      }
    }
    const copy = copyFrom(`COPY ${quotedTable(t)} (${quotedColumns(t)}) FROM STDIN`);
    await pipeline(Readable.from(data()), client.query(copy));
    if (!end || copy.rowCount !== end.rows || rows - startRows !== end.rows) {
      throw new RestoreError(`table ${t.name}: loaded ${copy.rowCount} rows, the backup says ${end?.rows ?? "?"}`);
    }
    tablesDone++;
    opts.onProgress?.({ table: t.name, tablesDone, tablesTotal: header.tables.length, rows });
  }
  const trailer = await reader.frame();
  const totals = trailer?.type === FRAME.trailer ? parseJson<{ tables?: unknown; rows?: unknown }>(trailer.payload) : undefined;
  if (!totals || totals.tables !== header.tables.length || totals.rows !== rows) {
    throw new RestoreError("corrupt backup: the file is incomplete (no matching trailer)");
  }
  // Reading to the end makes gunzip check the CRC of everything read so far.
  if ((await reader.frame()) !== undefined) throw new RestoreError("corrupt backup: data after the trailer");

  await resetSequences(client, header.tables);
  for (const t of triggers.rows) {
    const mode = t.enabled === "A" ? "ALWAYS " : t.enabled === "R" ? "REPLICA " : "";
    await client.query(`ALTER TABLE ${quotedTable({ name: t.table })} ENABLE ${mode}TRIGGER ${pg.escapeIdentifier(t.name)}`);
  }
  return { tables: header.tables.length, rows, schemaVersion: header.schemaVersion };
}

/**
 * COPY writes identity and serial columns as given without advancing their sequences, so
 * each one is moved past the highest restored value; otherwise the next insert would
 * collide with a restored row.
 */
async function resetSequences(client: pg.Client, tables: BackupTable[]) {
  const seqs = await client.query<{ table: string; column: string; seq: string }>(
    `SELECT c.relname AS table, a.attname AS column, s.seq
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       CROSS JOIN LATERAL (SELECT pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS seq) s
      WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) AND s.seq IS NOT NULL`,
    [tables.map((t) => t.name)],
  );
  for (const s of seqs.rows) {
    await client.query(
      `SELECT setval($1::regclass, m) FROM (SELECT max(${pg.escapeIdentifier(s.column)}) AS m FROM ${quotedTable({ name: s.table })}) x WHERE m IS NOT NULL`,
      [s.seq],
    );
  }
}

/** Refuses unless every data table is empty (checked by existence, not by counting). */
async function refuseUnlessEmpty(client: pg.Client, known?: DataTable[]) {
  const tables = known ?? (await listDataTables(client));
  const used: string[] = [];
  for (const t of tables) {
    const r = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quotedTable(t)}) AS any`);
    if (r.rows[0]?.any) used.push(t.name);
  }
  if (used.length) {
    throw new RestoreError(
      `the database is not empty (rows in ${used.join(", ")}); restore only into a fresh data directory (a new RAPPORT_DATA_DIR, or an empty database) before Rapport has been started on it`,
    );
  }
}

async function hasLedger(client: pg.Client): Promise<boolean> {
  const r = await client.query<{ t: string | null }>("SELECT to_regclass('public.schema_migrations')::text AS t");
  return r.rows[0]?.t != null;
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

function parseJson<T>(b: Buffer): T {
  try {
    return JSON.parse(b.toString("utf8")) as T;
  } catch {
    throw new RestoreError("corrupt backup: unreadable frame");
  }
}

function parseHeader(line: Buffer): BackupHeader {
  const h = parseJson<Partial<BackupHeader>>(line);
  if (h.format !== BACKUP_FORMAT) throw new RestoreError("not a Rapport backup file");
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new RestoreError(
      `backup format version ${String(h.formatVersion)} is not supported by this Rapport (expects ${BACKUP_FORMAT_VERSION})`,
    );
  }
  const tablesOk =
    Array.isArray(h.tables) &&
    h.tables.every((t) => typeof t?.name === "string" && Array.isArray(t.columns) && t.columns.every((c) => typeof c === "string"));
  if (typeof h.schemaVersion !== "string" || !tablesOk) throw new RestoreError("corrupt backup: bad header");
  return h as BackupHeader;
}

type BackupReader = ReturnType<typeof openBackup>;

/** Reads the gunzipped file in pieces: a header line, then frames, never the whole file. */
function openBackup(file: string) {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on("error", (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let buf: Buffer = Buffer.alloc(0);
  const fill = async (n: number): Promise<boolean> => {
    while (buf.length < n) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (err) {
        // zlib reports truncation and CRC mismatches (Z_* codes); anything else is the file.
        const { code, message } = err as NodeJS.ErrnoException;
        throw new RestoreError(code?.startsWith("Z_") ? `corrupt backup: ${message}` : `cannot read the backup: ${message}`);
      }
      if (next.done) return false;
      buf = buf.length ? Buffer.concat([buf, next.value]) : next.value;
    }
    return true;
  };
  const take = (n: number) => {
    const out = buf.subarray(0, n);
    buf = buf.subarray(n);
    return out;
  };
  return {
    async line(max: number): Promise<Buffer> {
      for (let from = 0; ; ) {
        const at = buf.indexOf(10, from);
        if (at !== -1) return take(at + 1).subarray(0, at);
        from = buf.length;
        if (buf.length > max || !(await fill(buf.length + 1))) throw new RestoreError("not a Rapport backup file");
      }
    },
    /** The next frame, or undefined at a clean end of the file. */
    async frame(): Promise<{ type: number; payload: Buffer } | undefined> {
      if (!(await fill(1))) return undefined;
      if (!(await fill(5))) throw new RestoreError("corrupt backup: truncated frame");
      const type = buf[0] ?? 0;
      const length = buf.readUInt32BE(1);
      const limit = type === FRAME.data ? MAX_DATA_FRAME : MAX_HEADER;
      if (length > limit) throw new RestoreError("corrupt backup: frame too large");
      if (!(await fill(5 + length))) throw new RestoreError("corrupt backup: truncated frame");
      take(5);
      // A copy, so the payload does not pin the (possibly larger) buffer it was cut from.
      return { type, payload: Buffer.from(take(length)) };
    },
    close() {
      source.destroy();
      gunzip.destroy();
    },
  };
}

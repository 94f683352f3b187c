import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { createLogger } from "../logging/logger.js";
import { type BackupProgress, backupDatabase, listDataTables } from "./backup.js";
import { type Database, openDatabase } from "./connection.js";
import { RestoreError, restoreDatabase } from "./restore.js";

const log = createLogger("silent");
const dirs: string[] = [];
let source: Database;
let target: Database;
let srcAdmin: pg.Client;
let dstAdmin: pg.Client;

const WS = "0190a000-0000-7000-8000-000000000001";
const USER = "0190a000-0000-7000-8000-000000000002";
// Values COPY's text format has to escape, or that a sloppy format would confuse with NULL.
const awkwardNames = [
  "tab\there",
  "line\nbreak\r\nand CR",
  "back\\slash \\N \\\\",
  "ünïcødé — 日本語 🎉👩‍👩‍👧",
  "\\N",
  "'quotes' \"double\" ;--",
];

async function openFresh(migrate: boolean): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bk-"));
  dirs.push(dir);
  return openDatabase(loadConfig({ RAPPORT_DATA_DIR: dir, NODE_ENV: "test" }), log, { migrate });
}

/** Row count and a digest of every row's text form, per data table. */
const REBASED: Record<string, string> = { domain_events: "'{txid}'::text[]", event_consumers: "'{last_txid,last_seq}'::text[]" };

async function fingerprint(client: pg.Client): Promise<Record<string, string>> {
  await client.query("SET TimeZone = 'UTC'");
  const out: Record<string, string> = {};
  for (const t of await listDataTables(client)) {
    // The outbox's transaction ids and consumer cursors are rebased by the restore (see
    // platform/events/rebase.ts); every other value must come back exactly.
    const row = REBASED[t.name] ? `(to_jsonb(t) - ${REBASED[t.name]})::text` : "t::text";
    const q = `SELECT count(*) AS n, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS h FROM public.${pg.escapeIdentifier(t.name)} t`;
    const r = await client.query<{ n: number; h: string }>(q);
    out[t.name] = `${r.rows[0]?.n}:${r.rows[0]?.h}`;
  }
  return out;
}

async function seed(c: pg.Client) {
  await c.query("INSERT INTO workspaces (id, slug, name) VALUES ($1, 'acme', $2)", [WS, 'Acme \\ "Corp"\t🎉']);
  for (const [i, name] of awkwardNames.entries()) {
    await c.query(
      `INSERT INTO users (workspace_id, id, email, name, role, password_hash, created_at)
       VALUES ($1, $2, $3, $4, 'member', $5, '2026-01-02 03:04:05.123456+05:30')`,
      // NULL and '' must stay distinct.
      [
        WS,
        i === 0 ? USER : crypto.randomUUID(),
        `u${i}@example.com`,
        name,
        i % 3 === 0 ? null : i % 3 === 1 ? "" : "$argon2id$v=19$m=19456",
      ],
    );
  }
  await c.query(
    `INSERT INTO api_keys (workspace_id, id, name, role, secret_hash, created_by)
     VALUES ($1, gen_random_uuid(), 'ci', 'admin', '\\x00ff5c0a0d09'::bytea, NULL)`,
    [WS],
  );
  await c.query(
    `INSERT INTO sessions (workspace_id, id, user_id, token_hash, expires_at, ip, user_agent)
     VALUES ($1, gen_random_uuid(), $2, '\\xdeadbeef00'::bytea, 'infinity', '2001:db8::1/64', E'agent\\\\x\\n2'),
            ($1, gen_random_uuid(), $2, '\\x'::bytea, now(), '10.1.2.3', NULL)`,
    [WS, USER],
  );
  // Bulk rows so the backup spans many data frames; SQL NULL and JSON null are different.
  await c.query(
    `INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, payload)
     SELECT $1, gen_random_uuid(), 'contact.created', 'contact', gen_random_uuid(), 'system',
            jsonb_build_object('i', i, 'f', 0.1 + i, 'big', 1e300, 's', repeat(E'x\\ny\\\\z\\t"é🎉', i % 5), 'n', NULL)
       FROM generate_series(1, 20000) i`,
    [WS],
  );
  await c.query(
    `INSERT INTO audit_log (workspace_id, event_id, occurred_at, actor_type, action, entity_type, entity_id, field, old_value, new_value)
     VALUES ($1, gen_random_uuid(), now(), 'system', 'update', 'contact', gen_random_uuid(), 'name', NULL, 'null'::jsonb),
            ($1, gen_random_uuid(), now(), 'system', 'update', 'contact', gen_random_uuid(), '', '"a\\u0001b"', '[1, {"k": []}]')`,
    [WS],
  );
  await c.query("INSERT INTO event_consumers (name, last_txid, last_seq) VALUES ('timeline', '4294967300', 17)");
  await c.query("INSERT INTO sign_in_throttle (key, failures, locked_until) VALUES (E'ip:\\\\1', 3, NULL)");
  await c.query(
    `INSERT INTO idempotency_keys (workspace_id, principal_id, key, request_hash, status_code, response)
     VALUES ($1, $2, E'k\\t1', 'h', NULL, NULL)`,
    [WS, USER],
  );
}

async function restoreFails(file: string, message: RegExp) {
  await expect(restoreDatabase(target.adminConnection, file, log)).rejects.toThrow(message);
}

describe("backup and restore", () => {
  let file: string;
  let backupStats: Awaited<ReturnType<typeof backupDatabase>>;
  let writerRows = 0;

  beforeAll(async () => {
    // The target is left unmigrated, the way `rapport restore` opens a fresh data directory.
    [source, target] = await Promise.all([openFresh(true), openFresh(false)]);
    srcAdmin = new pg.Client(source.adminConnection);
    dstAdmin = new pg.Client(target.adminConnection);
    await Promise.all([srcAdmin.connect(), dstAdmin.connect()]);
    await seed(srcAdmin);
    file = path.join(dirs[0] ?? os.tmpdir(), "backup.rapport.gz");
  }, 60_000);

  afterAll(async () => {
    await Promise.all([srcAdmin?.end(), dstAdmin?.end()]);
    await Promise.all([source?.close(), target?.close()]);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it("backs up a consistent snapshot while the application keeps writing", async () => {
    // Each writer transaction adds one event and its audit row, numbered. A consistent
    // backup holds a prefix 1..K of them in both tables (they are read at different times).
    let stop = false;
    let committed = 0;
    const writer = (async () => {
      while (!stop) {
        const n = committed + 1;
        await source.pool.query(
          `WITH e AS (INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, payload)
                      VALUES ($1, gen_random_uuid(), 'writer', 'writer', gen_random_uuid(), 'system', jsonb_build_object('n', $2::int))
                      RETURNING id, entity_id)
           INSERT INTO audit_log (workspace_id, event_id, occurred_at, actor_type, action, entity_type, entity_id, field, new_value)
           SELECT $1, id, now(), 'system', 'writer', 'writer', entity_id, 'n', to_jsonb($2::int) FROM e`,
          [WS, n],
        );
        committed = n;
      }
    })();
    while (committed < 5) await new Promise((r) => setTimeout(r, 5));
    let duringBackup = -1;
    const progress: BackupProgress[] = [];
    backupStats = await backupDatabase(source.adminConnection, file, {
      onProgress: (p) => {
        progress.push(p);
        if (duringBackup < 0) duringBackup = committed;
      },
    });
    const afterBackup = committed;
    stop = true;
    await writer;
    expect(afterBackup).toBeGreaterThan(duringBackup); // writes did overlap the backup

    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    expect(backupStats.bytes).toBe(fs.statSync(file).size);
    expect(progress.at(-1)).toMatchObject({ tablesDone: backupStats.tables, tablesTotal: backupStats.tables, rows: backupStats.rows });
    const header = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString("latin1").split("\n", 1)[0] ?? "{}");
    expect(header).toMatchObject({ format: "rapport-backup", formatVersion: 1, schemaVersion: backupStats.schemaVersion });
    const names = header.tables.map((t: { name: string }) => t.name);
    expect(names.indexOf("workspaces")).toBeLessThan(names.indexOf("users"));
    expect(names.indexOf("users")).toBeLessThan(names.indexOf("team_members"));
    expect(names).not.toContain("schema_migrations");

    const total = await srcAdmin.query<{ n: number }>("SELECT count(*) AS n FROM domain_events WHERE type = 'writer'");
    writerRows = total.rows[0]?.n ?? 0;
    expect(writerRows).toBeGreaterThanOrEqual(afterBackup);
  }, 30_000);

  it("refuses a truncated or corrupt file and leaves the database empty", async () => {
    const bytes = fs.readFileSync(file);
    const truncated = path.join(dirs[1] ?? os.tmpdir(), "truncated.gz");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await restoreFails(truncated, /corrupt backup/);
    const corrupt = path.join(dirs[1] ?? os.tmpdir(), "corrupt.gz");
    const flipped = Buffer.from(bytes);
    for (let i = Math.floor(bytes.length / 2); i < bytes.length / 2 + 64; i++) flipped[i] = (flipped[i] ?? 0) ^ 0x5a;
    fs.writeFileSync(corrupt, flipped);
    await expect(restoreDatabase(target.adminConnection, corrupt, log)).rejects.toThrow();
    const notGzip = path.join(dirs[1] ?? os.tmpdir(), "plain.txt");
    fs.writeFileSync(notGzip, "hello\n");
    await restoreFails(notGzip, /corrupt backup/);
    const future = path.join(dirs[1] ?? os.tmpdir(), "future.gz");
    const futureHeader = { format: "rapport-backup", formatVersion: 1, schemaVersion: "99991231T2359_future", tables: [] };
    fs.writeFileSync(future, zlib.gzipSync(`${JSON.stringify(futureHeader)}\n`));
    await restoreFails(future, /does not know/);
    for (const [table, fp] of Object.entries(await fingerprint(dstAdmin))) expect(`${table} ${fp}`).toMatch(/ 0:/);
  }, 30_000);

  it("restores every row exactly into a fresh database", async () => {
    const restored = await restoreDatabase(target.adminConnection, file, log);
    expect(restored).toEqual({ tables: backupStats.tables, rows: backupStats.rows, schemaVersion: backupStats.schemaVersion });

    // The snapshot holds writer rows 1..K in both tables, K between the counts seen around it.
    const w = await dstAdmin.query<{ events: number; audits: number; maxn: number }>(
      `SELECT (SELECT count(*) FROM domain_events WHERE type = 'writer') AS events,
              (SELECT count(*) FROM audit_log WHERE action = 'writer') AS audits,
              (SELECT coalesce(max((payload->>'n')::int), 0) FROM domain_events WHERE type = 'writer') AS maxn`,
    );
    const k = w.rows[0]?.events ?? -1;
    expect(w.rows[0]).toEqual({ events: k, audits: k, maxn: k });
    expect(k).toBeGreaterThanOrEqual(5);
    expect(k).toBeLessThan(writerRows); // rows committed after the snapshot are not in it
    // Make the source equal to the snapshot: drop the writer rows committed after it.
    await srcAdmin.query("DELETE FROM audit_log WHERE action = 'writer' AND (new_value::text)::int > $1", [k]);
    await srcAdmin.query("DELETE FROM domain_events WHERE type = 'writer' AND (payload->>'n')::int > $1", [k]);

    expect(await fingerprint(dstAdmin)).toEqual(await fingerprint(srcAdmin));
    const names = await dstAdmin.query<{ name: string; password_hash: string | null }>(
      "SELECT name, password_hash FROM users ORDER BY email",
    );
    expect(names.rows.map((r) => r.name)).toEqual(awkwardNames);
    expect(names.rows.map((r) => r.password_hash)).toEqual([null, "", "$argon2id$v=19$m=19456", null, "", "$argon2id$v=19$m=19456"]);
    const key = await dstAdmin.query<{ secret_hash: Buffer }>("SELECT secret_hash FROM api_keys");
    expect(key.rows[0]?.secret_hash.toString("hex")).toBe("00ff5c0a0d09");

    // Identity sequences were moved past the restored rows, and the schema is fully migrated.
    const maxSeq = await dstAdmin.query<{ m: number }>("SELECT max(seq) AS m FROM domain_events");
    const next = await dstAdmin.query<{ seq: number }>(
      `INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type)
       VALUES ($1, gen_random_uuid(), 'after', 'x', gen_random_uuid(), 'system') RETURNING seq`,
      [WS],
    );
    expect(next.rows[0]?.seq).toBe((maxSeq.rows[0]?.m ?? 0) + 1);
    await dstAdmin.query("DELETE FROM domain_events WHERE type = 'after'");
    // Triggers were off while loading and are back on.
    const trigger = await dstAdmin.query("SELECT tgenabled::text AS e FROM pg_trigger WHERE tgname = 'domain_events_notify'");
    expect(trigger.rows).toEqual([{ e: "O" }]);
    const versions = await dstAdmin.query("SELECT version FROM schema_migrations");
    expect(versions.rowCount).toBeGreaterThan(0);
  }, 30_000);

  it("refuses to restore into a database that has data, changing nothing", async () => {
    const before = await fingerprint(dstAdmin);
    await expect(restoreDatabase(target.adminConnection, file, log)).rejects.toBeInstanceOf(RestoreError);
    await restoreFails(file, /not empty/);
    expect(await fingerprint(dstAdmin)).toEqual(before);
  }, 30_000);
});

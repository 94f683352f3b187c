import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { type BareServer, BIN, cpuMs, postgresPids, ROOT, startBareServer, startServer } from "./lib.js";
import { load, timeSerial } from "./load.js";
import { personPageRequests, recordStatements, replayClient, timeApiPages, timeReplay, widestWave } from "./page360.js";
import { recordSearchStatements } from "./search-statements.js";

/**
 * Issue 3 on the million-person workspace: list page (filter + sort), search, 360° page
 * data, and single creates; each against the same SQL run directly on PostgreSQL.
 */
const DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(ROOT, "data-bench");
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
/** The API's port (the bare calibration route takes any free one). */
const PORT = Number(process.env.BENCH_PORT ?? 3790);
/** `BENCH_PARTS=list,search` runs only those parts (list, search, page360, creates); all by default. */
const PARTS = new Set((process.env.BENCH_PARTS ?? "list,search,page360,creates").split(",").map((p) => p.trim()));

function cli(args: string[]) {
  return execFileSync(process.execPath, [BIN, ...args], { env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn" } })
    .toString()
    .trim();
}

/** A bare Fastify + pg calibration server (bench/bare-list-server.ts by default) on the same database. */
function startBareListServer(workspaceId: string, script = "bench/bare-list-server.ts") {
  return startBareServer(DATA_DIR, script, workspaceId);
}

function adminClient() {
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as { superuserPassword: string };
  const port = Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  return new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: secrets.superuserPassword, database: "rapport" });
}

export async function customersBench() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const seeded = spawnSync(process.execPath, [BIN, "seed", "--size", "large", "--count", String(PEOPLE)], {
    env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn", RAPPORT_SEED_DEMO: "never" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (seeded.status !== 0) throw new Error("seeding failed");
  const server = await startServer(DATA_DIR, PORT, { RAPPORT_RATE_LIMIT_PER_MINUTE: "100000000", RAPPORT_SEED_DEMO: "never" });
  const db = adminClient();
  await db.connect();
  try {
    const key = cli(["api-keys", "create", "--workspace", "bench", "--role", "admin", "--name", `bench ${Date.now()}`]);
    const headers = { authorization: `Bearer ${key}` };
    const ws = (await db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'bench'")).rows[0]?.id as string;
    const count = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1", [ws])).rows[0]?.n;
    const base = server.url;
    const out: Record<string, unknown> = { people: count };

    if (PARTS.has("list")) out.list = await listPart(db, base, headers, ws);
    if (PARTS.has("search")) out.search = await searchPart(db, base, headers, ws);
    if (PARTS.has("page360")) out.page360 = await page360Part(db, base, headers, ws);
    if (PARTS.has("creates")) Object.assign(out, await createsPart(db, server, headers, ws));
    return out;
  } finally {
    await db.end();
    await server.stop();
  }
}

type Db = ReturnType<typeof adminClient>;
type Headers = Record<string, string>;

async function listPart(db: Db, base: string, headers: Headers, ws: string) {
  // List: a filter and a sort, rotating the filter value.
  const stages = ["customer", "lead", "prospect", "churned", "opportunity"];
  const listPath = (i: number) => `/api/v1/contacts?limit=50&sort=name&filter[lifecycleStage][eq]=${stages[i % stages.length]}`;
  await load({ base, headers, concurrency: 4, durationMs: 2000, request: (i) => ({ path: listPath(i) }) });
  const list16 = await load({ base, headers, concurrency: 16, durationMs: DURATION, request: (i) => ({ path: listPath(i) }) });
  const list10 = await load({ base, headers, concurrency: 10, durationMs: DURATION, request: (i) => ({ path: listPath(i) }) });
  const list1 = await load({ base, headers, concurrency: 1, durationMs: DURATION / 2, request: (i) => ({ path: listPath(i) }) });
  // The statement the list runs (the page with its company links), as a named prepared statement like the API's.
  const listSql = await timeSerial(200, (i) =>
    db.query({
      name: "bench_list",
      text: `SELECT c.*, (SELECT coalesce(json_agg(json_build_object('contact_id', l.contact_id, 'company_id', l.company_id, 'name', co.name,
                       'role', l.role, 'is_primary', l.is_primary) ORDER BY l.is_primary DESC, co.name_key), '[]'::json)
                  FROM contact_companies l JOIN companies co ON co.workspace_id = l.workspace_id AND co.id = l.company_id
                 WHERE l.workspace_id = c.workspace_id AND l.contact_id = c.id AND co.deleted_at IS NULL) AS company_links
             FROM (SELECT c.*, (c.name_key)::text AS sort_0 FROM contacts c
                    WHERE c.workspace_id = $1 AND true AND c.deleted_at IS NULL AND c.lifecycle_stage = $2
                    ORDER BY c.name_key ASC NULLS LAST, c.id ASC LIMIT 51) AS c
            ORDER BY c.name_key ASC NULLS LAST, c.id ASC`,
      values: [ws, stages[i % stages.length]],
    }),
  );
  // Calibration in the same run: a bare Fastify + pg route serving the same keyset page.
  const bare = await startBareListServer(ws);
  const barePath = (i: number) => ({ path: `/list?stage=${stages[i % stages.length]}` });
  let bare10: Awaited<ReturnType<typeof load>>;
  let bare1: Awaited<ReturnType<typeof load>>;
  try {
    await load({ base: bare.url, headers: {}, concurrency: 4, durationMs: 2000, request: barePath });
    bare10 = await load({ base: bare.url, headers: {}, concurrency: 10, durationMs: DURATION, request: barePath });
    bare1 = await load({ base: bare.url, headers: {}, concurrency: 1, durationMs: DURATION / 2, request: barePath });
  } finally {
    await bare.stop();
  }
  return {
    concurrency1: list1,
    concurrency10: list10,
    concurrency16: list16,
    directSql: listSql,
    overheadRatioP50: ratio(list1.p50, listSql.p50),
    bareRoute: { concurrency1: bare1, concurrency10: bare10, apiShareOfBareRps: ratio(list10.rps, bare10.rps) },
  };
}

async function searchPart(db: Db, base: string, headers: Headers, ws: string) {
  // Search: name prefix, full name, misspelt name, email, phone, domain.
  const sample = (
    await db.query<{ first_name: string; last_name: string; emails: string[]; phones: string[] }>(
      "SELECT first_name, last_name, emails, phones FROM contacts WHERE workspace_id = $1 ORDER BY id LIMIT 50",
      [ws],
    )
  ).rows;
  const queries = sample.flatMap((c) => [
    c.last_name.slice(0, 4),
    `${c.first_name} ${c.last_name}`,
    `${swap(c.first_name)} ${swap(c.last_name)}`,
    c.emails[0] ?? "",
    (c.phones[0] ?? "").slice(0, 9),
    "acme.example",
  ]);
  const searchPath = (i: number) => `/api/v1/search?limit=10&q=${encodeURIComponent(queries[i % queries.length] as string)}`;
  // Warmed up like the list part: the first searches after a start load the vocabulary and
  // compile the hot code, and the 1-connection figures are compared with warm direct SQL.
  await load({ base, headers, concurrency: 4, durationMs: 2000, request: (i) => ({ path: searchPath(i) }) });
  const search10 = await load({ base, headers, concurrency: 10, durationMs: DURATION, request: (i) => ({ path: searchPath(i) }) });
  const search1 = await load({ base, headers, concurrency: 1, durationMs: DURATION / 2, request: (i) => ({ path: searchPath(i) }) });
  // The same SQL directly: the statements the API sends for each of these queries, recorded
  // from the server's own search code and replayed on one connection (bench/search-statements.ts).
  const direct = await recordSearchStatements(DATA_DIR, (headers.authorization as string).replace(/^Bearer /, ""), queries, 10);
  const kinds = ["namePrefix", "fullName", "misspelt", "email", "phone", "domain"] as const;
  const byKind: Record<string, unknown> = {};
  try {
    const directMix = await timeSerial(600, (i) => direct.replay(i));
    for (const [offset, kind] of kinds.entries()) {
      const api = await load({ base, headers, concurrency: 1, durationMs: 1500, request: (i) => ({ path: searchPath(i * 6 + offset) }) });
      const sql = await timeSerial(150, (i) => direct.replay(i * 6 + offset));
      const statements = direct.statements.filter((_, i) => i % 6 === offset).map((s) => s.length);
      byKind[kind] = {
        ...api,
        directSql: sql,
        statementsPerSearch: Math.round((statements.reduce((a, b) => a + b, 0) / statements.length) * 100) / 100,
        overheadRatioP50: ratio(api.p50, sql.p50),
      };
    }
    return {
      concurrency1: search1,
      concurrency10: search10,
      byKind,
      directSql: directMix,
      overheadRatioP50: ratio(search1.p50, directMix.p50),
    };
  } finally {
    await direct.close();
  }
}

async function page360Part(db: Db, base: string, headers: Headers, ws: string) {
  // 360° page of a person with 500 interactions.
  const person = (await db.query<{ id: string }>("SELECT id FROM contacts WHERE workspace_id = $1 ORDER BY id LIMIT 1", [ws])).rows[0]
    ?.id as string;
  const have =
    (
      await db.query<{ n: number }>("SELECT count(*)::int AS n FROM interaction_links WHERE workspace_id = $1 AND entity_id = $2", [
        ws,
        person,
      ])
    ).rows[0]?.n ?? 0;
  for (let i = have; i < 500; i++) {
    const res = await fetch(`${base}/api/v1/interactions`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({
        type: ["call", "meeting", "note", "email"][i % 4],
        occurredAt: new Date(Date.now() - i * 3600_000).toISOString(),
        subject: `Interaction ${i}`,
        contactIds: [person],
      }),
    });
    if (res.status !== 201) throw new Error(`interaction create failed: ${res.status} ${await res.text()}`);
  }
  // The figure kept from earlier sessions: four of the page's requests mixed at 4 connections.
  const four = [
    `/api/v1/contacts/${person}`,
    `/api/v1/contacts/${person}/summary`,
    `/api/v1/contacts/${person}/timeline?limit=50`,
    `/api/v1/contacts/${person}/documents`,
  ];
  const p360 = await load({ base, headers, concurrency: 4, durationMs: DURATION, request: (i) => ({ path: four[i % 4] as string }) });
  // The page as the web app loads it: every request at 1 connection, per request and per
  // page, and exactly the statements the server sent for each (recorded by a second,
  // untimed server on the same cluster) replayed directly on PostgreSQL on one connection.
  const page = personPageRequests(person);
  const paths = page.map((r) => r.path);
  const recorded = await recordStatements({ dataDir: DATA_DIR, port: PORT + 1, headers, paths });
  const statements = paths.map((p) => recorded.get(p) ?? []);
  // Kept next to results.json for reading (bench/out is not committed).
  fs.mkdirSync(path.join(ROOT, "bench/out"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench/out/page360-statements.json"), JSON.stringify(Object.fromEntries(recorded), null, 2));
  const pageAt4 = await load({
    base,
    headers,
    concurrency: 4,
    durationMs: DURATION,
    request: (i) => ({ path: paths[i % paths.length] as string }),
  });
  await timeApiPages(base, headers, paths, 1000);
  const api = await timeApiPages(base, headers, paths, DURATION);
  const clients = await Promise.all(Array.from({ length: widestWave(statements) }, () => replayClient(DATA_DIR)));
  let sql: Awaited<ReturnType<typeof timeReplay>>;
  try {
    await timeReplay(clients, statements, 20);
    sql = await timeReplay(clients, statements, 200);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  // The floor in the same run: a bare Fastify + pg route running the same recorded statements
  // per request (bench/bare-page-server.ts), same load generator, 1 connection.
  const bare = await startBareListServer(ws, "bench/bare-page-server.ts");
  let floor: Awaited<ReturnType<typeof timeApiPages>>;
  try {
    const barePaths = paths.map((_, i) => `/page/${i}`);
    // Warmed like the API's pool was by the loads before: fresh backends first fill their
    // catalog caches and prepare every statement (seconds on a busy machine).
    await load({
      base: bare.url,
      headers: {},
      concurrency: 4,
      durationMs: DURATION / 2,
      request: (i) => ({ path: barePaths[i % barePaths.length] as string }),
    });
    await timeApiPages(bare.url, {}, barePaths, 1000);
    floor = await timeApiPages(bare.url, {}, barePaths, DURATION);
  } finally {
    await bare.stop();
  }
  const perRequest = Object.fromEntries(
    page.map((r, i) => {
      const a = api.perRequest[i] as { p50: number; p95: number };
      const s = sql.perRequest[i] as { p50: number; p95: number };
      const b = floor.perRequest[i] as { p50: number; p95: number };
      const ratios = { overheadRatioP50: ratio(a.p50, s.p50), bareRouteRatioP50: ratio(b.p50, s.p50) };
      return [r.name, { api: a, directSql: s, bareRoute: b, statements: statements[i]?.flat().length ?? 0, ...ratios }];
    }),
  );
  return {
    fourRequestsAt4: p360,
    pageAt4,
    pageAt1: {
      pages: api.pages,
      errors: api.errors + floor.errors,
      api: api.perPage,
      directSql: sql.perPage,
      bareRoute: floor.perPage,
      overheadRatioP50: ratio(api.perPage.p50, sql.perPage.p50),
      bareRouteRatioP50: ratio(floor.perPage.p50, sql.perPage.p50),
    },
    perRequest,
  };
}

async function createsPart(db: Db, server: { url: string; proc: { pid?: number } }, headers: Headers, ws: string) {
  // Single creates, one by one, at 10 connections. Last names come from a fixed set of 1,000
  // words, as real names do: a name word new to the workspace's vocabulary makes its create
  // send a NOTIFY (the vocabulary cache trigger), and notifying commits wait for one another's
  // disk flush, so an ever-growing counter measured that instead of creates (decision 0026).
  const apiPid = server.proc.pid as number;
  const creates = await measuredCreates(db, apiPid, { url: server.url, headers, path: "/api/v1/contacts", firstName: "Bench" });
  // The ceilings in the same run (decision 0034), through the same load generator, while the
  // API server stays up with its event consumers: the bare full create (everything a create
  // durably writes, one round trip, no Rapport logic; its events are handled by the API
  // server's consumers as the API's are) and the bare one-row insert (decision 0031).
  const full = await withBare(ws, "bench/bare-full-create-server.ts", (bare) =>
    measuredCreates(db, apiPid, { url: bare.url, headers: {}, path: "/contacts", firstName: "Bare", bare }),
  );
  const oneRow = await withBare(ws, "bench/bare-create-server.ts", (bare) =>
    measuredCreates(db, apiPid, { url: bare.url, headers: {}, path: "/contacts", firstName: "Bare", bare }),
  );
  return {
    creates: creates.load,
    bareCreates: { concurrency10: oneRow.load, apiShareOfBareRps: ratio(creates.load.rps, oneRow.load.rps) },
    createsCeiling: {
      api: creates.cpu,
      bareFullCreate: { ...full.cpu, rps: full.load.rps, p50: full.load.p50, p99: full.load.p99, errors: full.load.errors },
      bareOneRow: { ...oneRow.cpu, rps: oneRow.load.rps, p50: oneRow.load.p50, p99: oneRow.load.p99, errors: oneRow.load.errors },
      apiShareOfBareFullRps: ratio(creates.load.rps, full.load.rps),
    },
  };
}

async function withBare<T>(ws: string, script: string, run: (bare: BareServer) => Promise<T>): Promise<T> {
  const bare = await startBareServer(DATA_DIR, script, ws);
  try {
    return await run(bare);
  } finally {
    await bare.stop();
  }
}

/**
 * One create run at 10 connections with its CPU per create from /proc: the server answering
 * (`requestNodeMs`), the PostgreSQL backends of its requests (`requestPgMs`, bare servers only:
 * the API's pool also serves its consumers), the API server while a bare server answers (its
 * event consumers, `consumersNodeMs`), every other PostgreSQL process (`otherPgMs`: consumers'
 * backends, WAL writer, checkpointer, autovacuum) and the load generator (`clientMs`). The
 * window runs until the consumers have handled every event of the run, so their work counts;
 * the CPU the same processes use per second while idle, measured just before, is subtracted.
 * `cpuBoundRps` is what the 2 cores allow at that total CPU per create.
 */
async function measuredCreates(
  db: Db,
  apiPid: number,
  target: { url: string; headers: Headers; path: string; firstName: string; bare?: BareServer },
) {
  const request = (i: number) => ({
    method: "POST" as const,
    path: target.path,
    body: {
      firstName: target.firstName,
      lastName: `Create ${i % 1000}`,
      emails: [`${target.firstName.toLowerCase()}${Date.now()}${i}@example.com`],
    },
  });
  // Warm-up at the measured concurrency, so a bare server's pool has all its connections.
  await load({ base: target.url, headers: target.headers, concurrency: 10, durationMs: 2000, request });
  await consumersCaughtUp(db);
  const serverPid = target.bare?.pid ?? apiPid;
  const sample = () => new Map([serverPid, apiPid, ...postgresPids(DATA_DIR)].map((p) => [p, cpuMs([p])]));
  const IDLE_MS = 2000;
  const idle0 = sample();
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const idle1 = sample();
  const wal0 = await walPosition(db);
  const cpu0 = sample();
  const t0 = performance.now();
  const client0 = process.cpuUsage();
  const result = await load({ base: target.url, headers: target.headers, concurrency: 10, durationMs: DURATION, request });
  const client = process.cpuUsage(client0);
  await consumersCaughtUp(db);
  const windowMs = performance.now() - t0;
  const cpu1 = sample();
  const wal1 = await walPosition(db);
  // A bare server's backends, by its pool's application_name (one bare server runs at a time).
  const requestBackends = new Set(
    target.bare
      ? (await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'bare-%'")).rows.map((r) => r.pid)
      : [],
  );
  const group = (p: number) =>
    p === serverPid ? "requestNode" : p === apiPid ? "consumersNode" : requestBackends.has(p) ? "requestPg" : "otherPg";
  const used = { requestNode: 0, requestPg: 0, consumersNode: 0, otherPg: 0 };
  for (const [p, ms] of cpu1) {
    // Net of what the process used per ms while idle just before (pollers, timers, background writers).
    const idlePerMs = ((idle1.get(p) ?? 0) - (idle0.get(p) ?? idle1.get(p) ?? 0)) / IDLE_MS;
    used[group(p)] += Math.max(0, ms - (cpu0.get(p) ?? 0) - idlePerMs * windowMs);
  }
  const n = Math.max(1, result.requests);
  const per = (ms: number) => Math.round((ms / n) * 100) / 100;
  const cpu = {
    requestNodeMs: per(used.requestNode),
    requestPgMs: per(used.requestPg),
    consumersNodeMs: per(used.consumersNode),
    otherPgMs: per(used.otherPg),
    clientMs: per((client.user + client.system) / 1000),
  };
  const serverAndPgMs = Math.round((cpu.requestNodeMs + cpu.requestPgMs + cpu.consumersNodeMs + cpu.otherPgMs) * 100) / 100;
  const totalMs = serverAndPgMs + cpu.clientMs;
  return {
    load: result,
    cpu: {
      ...cpu,
      serverAndPgMsPerCreate: serverAndPgMs,
      cpuBoundRps: Math.round(2000 / Math.max(totalMs, 0.01)),
      walBytesPerCreate: Math.round(Number(wal1.lsn - wal0.lsn) / n),
      walRecordsPerCreate: Math.round(((wal1.records - wal0.records) / n) * 10) / 10,
      // Full-page images: the first change of a page after a checkpoint logs the whole page.
      walFullPagesPerCreate: Math.round(((wal1.fullPages - wal0.fullPages) / n) * 10) / 10,
      windowMs: Math.round(windowMs),
      load: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    },
  };
}

async function walPosition(db: Db) {
  const r = (
    await db.query<{ lsn: string; records: string; fpi: string }>(
      "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint::text AS lsn, wal_records::text AS records, wal_fpi::text AS fpi FROM pg_stat_wal",
    )
  ).rows[0];
  return { lsn: BigInt(r?.lsn ?? 0), records: Number(r?.records ?? 0), fullPages: Number(r?.fpi ?? 0) };
}

/** Waits (up to a minute) until every event consumer's cursor has passed the last event written so far. */
async function consumersCaughtUp(db: Db) {
  const deadline = Date.now() + 60_000;
  const last = (
    await db.query<{ txid: string; seq: string }>("SELECT txid::text, seq::text FROM domain_events ORDER BY txid DESC, seq DESC LIMIT 1")
  ).rows[0];
  if (!last) return;
  while (Date.now() < deadline) {
    const behind = await db.query("SELECT 1 FROM event_consumers WHERE (last_txid, last_seq) < ($1::xid8, $2::bigint) LIMIT 1", [
      last.txid,
      last.seq,
    ]);
    if (behind.rowCount === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("event consumers did not catch up within a minute");
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 10) / 10;

/** A typo: the last two letters swapped ("Smith" → "Smiht"). */
function swap(s: string) {
  return s.length < 4 ? s : `${s.slice(0, -2)}${s.at(-1)}${s.at(-2)}`;
}

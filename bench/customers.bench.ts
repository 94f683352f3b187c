import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BIN, ROOT, startBareServer, startServer } from "./lib.js";
import { load, timeSerial } from "./load.js";
import { personPageRequests, recordStatements, replayClient, timeApiPages, timeReplay, widestWave } from "./page360.js";

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
    if (PARTS.has("creates")) out.creates = await createsPart(base, headers);
    if (PARTS.has("creates")) out.bareCreates = await bareCreatesPart(ws, out.creates as Awaited<ReturnType<typeof load>>);
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
  // Search: name prefix, misspelt name, email, phone, domain.
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
  const search10 = await load({ base, headers, concurrency: 10, durationMs: DURATION, request: (i) => ({ path: searchPath(i) }) });
  const search1 = await load({ base, headers, concurrency: 1, durationMs: DURATION / 2, request: (i) => ({ path: searchPath(i) }) });
  const byKind: Record<string, unknown> = {};
  for (const [kind, offset] of [
    ["namePrefix", 0],
    ["fullName", 1],
    ["misspelt", 2],
    ["email", 3],
    ["phone", 4],
    ["domain", 5],
  ] as const) {
    byKind[kind] = await load({
      base,
      headers,
      concurrency: 1,
      durationMs: 1500,
      request: (i) => ({ path: searchPath(i * 6 + offset) }),
    });
  }
  const searchSql = await timeSerial(200, (i) =>
    db.query(`SELECT entity_type, entity_id FROM search_tokens WHERE workspace_id = $1 AND token LIKE $2 LIMIT 200`, [
      ws,
      `${(sample[i % sample.length]?.last_name ?? "a").toLowerCase().slice(0, 4)}%`,
    ]),
  );
  return {
    concurrency1: search1,
    concurrency10: search10,
    byKind,
    directSqlPrefixLookup: searchSql,
    overheadRatioP50: ratio(search1.p50, searchSql.p50),
  };
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

async function createsPart(base: string, headers: Headers) {
  // Single creates, one by one, at 10 connections. Last names come from a fixed set of 1,000
  // words, as real names do: a name word new to the workspace's vocabulary makes its create
  // send a NOTIFY (the vocabulary cache trigger), and notifying commits wait for one another's
  // disk flush, so an ever-growing counter measured that instead of creates (decision 0026).
  const creates = await load({
    base,
    headers,
    concurrency: 10,
    durationMs: DURATION,
    request: (i) => ({
      method: "POST",
      path: "/api/v1/contacts",
      body: { firstName: "Bench", lastName: `Create ${i % 1000}`, emails: [`bench${Date.now()}${i}@example.com`] },
    }),
  });
  return creates;
}

/**
 * The ceiling in the same run: one INSERT of a comparable person row per request, in a
 * transaction, through a bare Fastify + pg route (bench/bare-create-server.ts), same load
 * generator, 10 connections.
 */
async function bareCreatesPart(ws: string, api: Awaited<ReturnType<typeof load>>) {
  const bare = await startBareListServer(ws, "bench/bare-create-server.ts");
  try {
    const request = (i: number) => ({
      method: "POST" as const,
      path: "/contacts",
      body: { firstName: "Bare", lastName: `Create ${i % 1000}`, emails: [`bare${Date.now()}${i}@example.com`] },
    });
    await load({ base: bare.url, headers: {}, concurrency: 4, durationMs: 2000, request });
    const bare10 = await load({ base: bare.url, headers: {}, concurrency: 10, durationMs: DURATION, request });
    return { concurrency10: bare10, apiShareOfBareRps: ratio(api.rps, bare10.rps) };
  } finally {
    await bare.stop();
  }
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 10) / 10;

/** A typo: the last two letters swapped ("Smith" → "Smiht"). */
function swap(s: string) {
  return s.length < 4 ? s : `${s.slice(0, -2)}${s.at(-1)}${s.at(-2)}`;
}

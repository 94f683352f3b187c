import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BIN, ROOT, startServer } from "./lib.js";
import { load, timeSerial } from "./load.js";

/**
 * Issue 5 item 6: the forecast of a quarter over 1,000,000 deals (with stage history),
 * generated set-based in SQL; HTTP p50/p95 against the same aggregation run directly.
 * The data directory is kept between runs (BENCH_DATA_DIR, default data-bench/forecast).
 */
const DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(ROOT, "data-bench", "forecast");
const DEALS = Number(process.env.BENCH_DEALS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const SLUG = "forecast-bench";
const REPS = 50;

function cli(args: string[]) {
  return execFileSync(process.execPath, [BIN, ...args], { env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn" } })
    .toString()
    .trim();
}

function adminClient() {
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as { superuserPassword: string };
  const port = Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  return new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: secrets.superuserPassword, database: "rapport" });
}

/**
 * 50 reps in 5 teams, one pipeline of 6 stages, and DEALS deals created over three years
 * (2025–2027): 30 % won, 20 % lost, 50 % open; 90 % EUR, 10 % USD; 5 regions; 2 % without
 * owner. Each deal has a stage period and two snapshots (at creation, and at its last change).
 */
async function generate(db: pg.Client, ws: string) {
  await db.query("BEGIN");
  await db.query(
    `INSERT INTO users (workspace_id, id, email, name, role)
     SELECT $1, ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'rep' || i || '@bench.example', 'Rep ' || i, 'member'
       FROM generate_series(1, ${REPS}) i`,
    [ws],
  );
  await db.query(
    `INSERT INTO teams (workspace_id, id, name)
     SELECT $1, ('00000000-0000-7000-9000-' || lpad(to_hex(t), 12, '0'))::uuid, 'Team ' || t FROM generate_series(1, 5) t`,
    [ws],
  );
  await db.query(
    `INSERT INTO team_members (workspace_id, team_id, user_id)
     SELECT $1, ('00000000-0000-7000-9000-' || lpad(to_hex(1 + i % 5), 12, '0'))::uuid, ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid
       FROM generate_series(1, ${REPS}) i`,
    [ws],
  );
  await db.query("INSERT INTO pipelines (workspace_id, id, name) VALUES ($1, '00000000-0000-7000-a000-000000000001', 'Bench')", [ws]);
  await db.query(
    `INSERT INTO pipeline_stages (workspace_id, id, pipeline_id, name, position, probability, kind)
     SELECT $1, ('00000000-0000-7000-a000-' || lpad(to_hex(100 + s.pos), 12, '0'))::uuid, '00000000-0000-7000-a000-000000000001', s.name, s.pos, s.prob, s.kind
       FROM (VALUES (0, 'Qualified', 10, 'open'), (1, 'Demo', 25, 'open'), (2, 'Proposal', 50, 'open'), (3, 'Negotiation', 75, 'open'),
                    (4, 'Won', 100, 'won'), (5, 'Lost', 0, 'lost')) s(pos, name, prob, kind)`,
    [ws],
  );
  // i → a deterministic deal: creation day over 1 095 days, expected close 30–119 days later.
  await db.query(
    `INSERT INTO deals (workspace_id, id, name, pipeline_id, stage_id, status, closed_at, amount_minor, currency, expected_close_date,
                        owner_id, region, created_at, stage_entered_at)
     SELECT $1, d.id, 'Deal ' || d.i, '00000000-0000-7000-a000-000000000001',
            ('00000000-0000-7000-a000-' || lpad(to_hex(100 + d.pos), 12, '0'))::uuid, d.status,
            CASE WHEN d.status <> 'open' THEN d.created + (d.cycle || ' days')::interval END,
            1000 + (d.i * 7919) % 5000000, CASE WHEN d.i % 10 = 0 THEN 'USD' ELSE 'EUR' END,
            (d.created + (d.cycle || ' days')::interval)::date,
            CASE WHEN d.i % 50 = 0 THEN NULL ELSE ('00000000-0000-7000-8000-' || lpad(to_hex(1 + d.i % ${REPS}), 12, '0'))::uuid END,
            (ARRAY['EMEA', 'NA', 'LATAM', 'APAC', 'DACH'])[1 + d.i % 5], d.created, d.created
       FROM (SELECT i, gen_random_uuid() AS id, timestamptz '2025-01-01 09:00Z' + ((i % 1095) || ' days')::interval AS created,
                    30 + (i * 31) % 90 AS cycle,
                    CASE WHEN i % 10 < 3 THEN 'won' WHEN i % 10 < 5 THEN 'lost' ELSE 'open' END AS status,
                    CASE WHEN i % 10 < 3 THEN 4 WHEN i % 10 < 5 THEN 5 ELSE (i / 10) % 4 END AS pos
               FROM generate_series(1::bigint, ${DEALS}) i) d`,
    [ws],
  );
  await db.query(
    `INSERT INTO deal_stage_periods (workspace_id, id, deal_id, pipeline_id, stage_id, entered_at)
     SELECT workspace_id, gen_random_uuid(), id, pipeline_id, stage_id, created_at FROM deals WHERE workspace_id = $1`,
    [ws],
  );
  // Two snapshots per deal: open at creation (10 %, expected 15 days later than it turned out),
  // and its current state at its last change.
  await db.query(
    `INSERT INTO deal_snapshots (workspace_id, id, deal_id, recorded_at, pipeline_id, stage_id, status, amount_minor, currency, probability, expected_close_date)
     SELECT d.workspace_id, gen_random_uuid(), d.id, d.created_at, d.pipeline_id, '00000000-0000-7000-a000-000000000100', 'open',
            d.amount_minor, d.currency, 10, d.expected_close_date - 15
       FROM deals d WHERE d.workspace_id = $1
     UNION ALL
     SELECT d.workspace_id, gen_random_uuid(), d.id, coalesce(d.closed_at, d.created_at + interval '10 days'), d.pipeline_id, d.stage_id, d.status,
            d.amount_minor, d.currency, s.probability, d.expected_close_date
       FROM deals d JOIN pipeline_stages s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id WHERE d.workspace_id = $1`,
    [ws],
  );
  await db.query("COMMIT");
  for (const t of ["deals", "deal_snapshots", "deal_stage_periods", "pipeline_stages", "users", "team_members"])
    await db.query(`VACUUM ANALYZE ${t}`);
}

/** The forecast's own aggregation, run directly: the floor for the HTTP figure. */
const CELLS_SQL = `
  SELECT f.owner_id, f.region, f.currency, 'won' AS bucket, count(*), sum(f.amount_minor), sum(f.amount_minor)
    FROM deal_forecast_facts f
   WHERE f.workspace_id = $1 AND f.status = 'won' AND f.closed_at IS NOT NULL
     AND f.closed_at >= ($2::date)::timestamp AT TIME ZONE 'UTC' AND f.closed_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
   GROUP BY 1, 2, 3
  UNION ALL
  SELECT f.owner_id, f.region, f.currency, CASE WHEN f.probability >= 70 THEN 'commit' WHEN f.probability >= 30 THEN 'best_case' ELSE 'pipeline' END,
         count(*), sum(f.amount_minor), sum((f.amount_minor * f.probability + 50) / 100)
    FROM deal_forecast_facts f
   WHERE f.workspace_id = $1 AND f.status = 'open' AND f.expected_close_date BETWEEN $2::date AND $3::date
   GROUP BY 1, 2, 3, 4`;

const QUARTERS: [string, string, string][] = [
  ["2026-Q1", "2026-01-01", "2026-03-31"],
  ["2026-Q2", "2026-04-01", "2026-06-30"],
  ["2026-Q3", "2026-07-01", "2026-09-30"],
  ["2026-Q4", "2026-10-01", "2026-12-31"],
];
const GROUPS = ["rep", "team", "region"];

export async function forecastBench() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const server = await startServer(DATA_DIR, Number(process.env.BENCH_PORT ?? 4007), {
    RAPPORT_RATE_LIMIT_PER_MINUTE: "100000000",
    RAPPORT_SEED_DEMO: "never",
  });
  const db = adminClient();
  await db.connect();
  try {
    let ws = (await db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = $1", [SLUG])).rows[0]?.id;
    if (!ws) ws = cli(["workspaces", "create", SLUG]);
    const have = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deals WHERE workspace_id = $1", [ws])).rows[0]?.n ?? 0;
    let generatedMs: number | null = null;
    if (have === 0) {
      const t0 = performance.now();
      await generate(db, ws);
      generatedMs = Math.round(performance.now() - t0);
    }
    const counts = (
      await db.query<{ deals: number; snapshots: number; in_quarter: number }>(
        `SELECT (SELECT count(*) FROM deals WHERE workspace_id = $1)::int AS deals,
                (SELECT count(*) FROM deal_snapshots WHERE workspace_id = $1)::int AS snapshots,
                (SELECT count(*) FROM deals WHERE workspace_id = $1 AND (expected_close_date BETWEEN '2026-10-01' AND '2026-12-31'
                   OR closed_at >= '2026-10-01' AND closed_at < '2027-01-01'))::int AS in_quarter`,
        [ws],
      )
    ).rows[0];
    const key = cli(["api-keys", "create", "--workspace", SLUG, "--role", "admin", "--name", `bench ${Date.now()}`]);
    const headers = { authorization: `Bearer ${key}` };
    const base = server.url;
    const path = (i: number) => `/api/v1/forecast?period=${QUARTERS[i % 4]?.[0]}&groupBy=${GROUPS[Math.floor(i / 4) % 3]}`;
    await load({ base, headers, concurrency: 2, durationMs: 3000, request: (i) => ({ path: path(i) }) });
    const http1 = await load({ base, headers, concurrency: 1, durationMs: DURATION, request: (i) => ({ path: path(i) }) });
    const http4 = await load({ base, headers, concurrency: 4, durationMs: DURATION, request: (i) => ({ path: path(i) }) });
    const sql = await timeSerial(60, (i) => {
      const [, start, end] = QUARTERS[i % 4] as [string, string, string];
      return db.query(CELLS_SQL, [ws, start, end]);
    });
    const drill = await load({
      base,
      headers,
      concurrency: 1,
      durationMs: DURATION / 2,
      request: (i) => ({ path: `/api/v1/forecast/deals?period=${QUARTERS[i % 4]?.[0]}&measure=bestCase&limit=50` }),
    });
    const accuracy = await load({
      base,
      headers,
      concurrency: 1,
      durationMs: DURATION / 2,
      request: () => ({ path: "/api/v1/forecast/accuracy?kind=quarter&periods=1" }),
    });
    const metrics = await load({
      base,
      headers,
      concurrency: 1,
      durationMs: DURATION / 2,
      request: (i) => ({ path: `/api/v1/sales-metrics?period=${QUARTERS[i % 4]?.[0]}` }),
    });
    return {
      ...counts,
      generatedMs,
      forecastQuarter: { concurrency1: http1, concurrency4: http4, directSql: sql },
      drillDownFirstPage: drill,
      accuracyLastQuarter: accuracy,
      salesMetricsQuarter: metrics,
    };
  } finally {
    await db.end();
    await server.stop();
  }
}

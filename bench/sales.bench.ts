import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BIN, ROOT, startServer } from "./lib.js";
import { load, timeSerial } from "./load.js";

/**
 * Issue 5: the kanban board of a pipeline holding 10,000 open deals (spread over its open
 * stages, linked to companies), over HTTP as an admin, against the board's two queries run
 * directly on PostgreSQL.
 */
const DATA_DIR = process.env.BENCH_SALES_DATA_DIR ?? path.join(ROOT, "data-bench-sales");
const DEALS = Number(process.env.BENCH_DEALS ?? 10_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

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

export async function salesBench() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  // The "bench" workspace with a few thousand people and their companies to link deals to.
  const seeded = spawnSync(process.execPath, [BIN, "seed", "--size", "large", "--count", "5000"], {
    env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn", RAPPORT_SEED_DEMO: "never" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (seeded.status !== 0) throw new Error("seeding failed");
  const server = await startServer(DATA_DIR, Number(process.env.BENCH_SALES_PORT ?? 3792), {
    RAPPORT_RATE_LIMIT_PER_MINUTE: "100000000",
    RAPPORT_SEED_DEMO: "never",
  });
  const db = adminClient();
  await db.connect();
  try {
    const adminKey = cli(["api-keys", "create", "--workspace", "bench", "--role", "admin", "--name", `bench ${Date.now()}`]);
    const admin = { authorization: `Bearer ${adminKey}` };
    const ws = (await db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'bench'")).rows[0]?.id as string;
    const base = server.url;

    // One pipeline per run, filled with DEALS open deals by one set-based insert.
    const created = await fetch(`${base}/api/v1/pipelines`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ name: `Bench ${Date.now()}` }),
    });
    if (created.status !== 201) throw new Error(`pipeline create failed: ${created.status} ${await created.text()}`);
    const pipeline = (await created.json()) as { id: string; stages: { id: string; kind: string }[] };
    const open = pipeline.stages.filter((s) => s.kind === "open").map((s) => s.id);
    const users = (await db.query<{ id: string }>("SELECT id FROM users WHERE workspace_id = $1 ORDER BY id", [ws])).rows.map((r) => r.id);
    // The large seed makes people only: deals get 200 companies of their own.
    const companies = (
      await db.query<{ id: string }>(
        `INSERT INTO companies (workspace_id, id, name) SELECT $1, gen_random_uuid(), 'Bench company ' || g FROM generate_series(1, 200) g
         RETURNING id`,
        [ws],
      )
    ).rows.map((r) => r.id);
    await db.query(
      `INSERT INTO deals (workspace_id, id, name, pipeline_id, stage_id, board_rank, amount_minor, currency, owner_id, company_id,
                          expected_close_date, stage_entered_at, rots_at)
       SELECT $1, gen_random_uuid(), 'Bench deal ' || g, $2, ($3::uuid[])[1 + g % cardinality($3::uuid[])], g,
              (1000 + (g * 7919) % 500000) * 100, CASE WHEN g % 5 = 0 THEN 'USD' ELSE 'EUR' END,
              ($4::uuid[])[1 + g % cardinality($4::uuid[])], ($5::uuid[])[1 + g % cardinality($5::uuid[])],
              current_date + (g % 180), now() - make_interval(days => g % 60), now() + make_interval(days => 30 - g % 60)
         FROM generate_series(1, $6::int) g`,
      [ws, pipeline.id, open, users, companies, DEALS],
    );
    // What autovacuum does soon after a bulk load (statistics, and the visibility map that
    // lets the per-stage totals be an index-only scan).
    await db.query("VACUUM ANALYZE deals");
    await db.query("ANALYZE pipeline_stages; ANALYZE companies;");
    const count = (
      await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deals WHERE workspace_id = $1 AND pipeline_id = $2", [ws, pipeline.id])
    ).rows[0]?.n;

    const boardPath = `/api/v1/pipelines/${pipeline.id}/board?limit=20`;
    const filteredPath = `/api/v1/pipelines/${pipeline.id}/board?limit=20&filter[currency][eq]=EUR&filter[amountMinor][gte]=1000000`;
    await load({ base, headers: admin, concurrency: 2, durationMs: 2000, request: () => ({ path: boardPath }) });
    const board1 = await load({ base, headers: admin, concurrency: 1, durationMs: DURATION, request: () => ({ path: boardPath }) });
    const board4 = await load({ base, headers: admin, concurrency: 4, durationMs: DURATION, request: () => ({ path: boardPath }) });
    const filtered1 = await load({
      base,
      headers: admin,
      concurrency: 1,
      durationMs: DURATION / 2,
      request: () => ({ path: filteredPath }),
    });
    const column1 = await load({
      base,
      headers: admin,
      concurrency: 1,
      durationMs: DURATION / 2,
      request: () => ({ path: `/api/v1/pipelines/${pipeline.id}/board/stages/${open[0]}?limit=20` }),
    });
    // The board's two statements as the server sends them (admin: no visibility condition).
    const where = "d.workspace_id = $1 AND d.pipeline_id = $2 AND d.deleted_at IS NULL";
    const directSql = await timeSerial(200, async () => {
      await db.query(
        `SELECT d.stage_id, d.currency, count(*)::int AS n, sum(d.amount_minor)::bigint AS total FROM deals d WHERE ${where}
          GROUP BY d.stage_id, d.currency ORDER BY d.stage_id, d.currency`,
        [ws, pipeline.id],
      );
      await db.query(
        `SELECT s.id AS stage_id, c.* FROM pipeline_stages s CROSS JOIN LATERAL (
           SELECT d.id, d.name, d.amount_minor, d.currency, d.company_id, co.name AS company_name, d.owner_id, d.expected_close_date,
                  d.status, d.stage_entered_at, d.rots_at, d.board_rank
             FROM deals d LEFT JOIN companies co ON co.workspace_id = d.workspace_id AND co.id = d.company_id
            WHERE ${where} AND d.stage_id = s.id ORDER BY d.board_rank, d.id LIMIT 21) c
          WHERE s.workspace_id = $1 AND s.pipeline_id = $2 ORDER BY s.position, c.board_rank, c.id`,
        [ws, pipeline.id],
      );
    });
    return {
      deals: count,
      board: { concurrency1: board1, concurrency4: board4, directSql, overheadRatioP50: ratio(board1.p50, directSql.p50) },
      boardFiltered: filtered1,
      columnPage: column1,
    };
  } finally {
    await db.end();
    await server.stop();
  }
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 10) / 10;

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { BENCH_SERVER_ENV, cpuMs, postgresPids, startServer } from "./lib.js";
import { load } from "./load.js";
import { personPageRequests, replayClient } from "./page360.js";

/**
 * CPU per 360° page, servers alternating on one data directory:
 * `npx tsx bench/page360-cpu.ts <label>=<path to rapport.mjs> …` with BENCH_DATA_DIR,
 * BENCH_PORT, BENCH_SECONDS (per measure), BENCH_ROUNDS and BENCH_CONNECTIONS (default 4).
 * For each round and server: start it, warm up for 3 s, then the person page's requests
 * (bench/page360.ts, the customers bench's person with 500 interactions) in page order;
 * CPU = the server process (node) plus every PostgreSQL process (/proc/<pid>/stat) during the
 * measure, divided by the pages served — independent of how much of the machine the run got.
 * BENCH_CPU_PROF_DIR: the servers run with `node --cpu-prof` writing there. One JSON line per measure.
 */
const DATA_DIR = process.env.BENCH_DATA_DIR as string;
const PORT = Number(process.env.BENCH_PORT ?? 3790);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
const servers = process.argv.slice(2).map((a) => {
  const at = a.indexOf("=");
  return { label: a.slice(0, at), bin: a.slice(at + 1) };
});

async function main() {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const s of servers) {
      const nodeArgs = PROF_DIR ? ["--cpu-prof", "--cpu-prof-dir", path.join(PROF_DIR, s.label)] : [];
      const server = await startServer(DATA_DIR, PORT, BENCH_SERVER_ENV, { bin: s.bin, nodeArgs });
      try {
        const key = execFileSync(
          process.execPath,
          [s.bin, "api-keys", "create", "--workspace", "bench", "--role", "admin", "--name", `page360 cpu ${Date.now()}`],
          { env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn" } },
        )
          .toString()
          .trim();
        const client = await replayClient(DATA_DIR);
        const found: pg.QueryResult<{ id: string }> = await client.query(
          "SELECT id FROM contacts WHERE workspace_id = (SELECT id FROM workspaces WHERE slug = 'bench') ORDER BY id LIMIT 1",
        );
        const person = found.rows[0]?.id as string;
        await client.end();
        const paths = personPageRequests(person).map((r) => r.path);
        const headers = { authorization: `Bearer ${key}` };
        const request = (i: number) => ({ path: paths[i % paths.length] as string });
        await load({ base: server.url, headers, concurrency: CONNECTIONS, durationMs: 3000, request });
        const pids = [server.proc.pid as number, ...postgresPids(DATA_DIR)];
        const before = cpuMs(pids);
        const nodeBefore = cpuMs([server.proc.pid as number]);
        const r = await load({ base: server.url, headers, concurrency: CONNECTIONS, durationMs: SECONDS * 1000, request });
        const used = cpuMs(pids) - before;
        const nodeUsed = cpuMs([server.proc.pid as number]) - nodeBefore;
        const pages = r.requests / paths.length;
        const line = {
          round,
          server: s.label,
          connections: CONNECTIONS,
          requestsPerSecond: r.rps,
          p50: r.p50,
          p95: r.p95,
          errors: r.errors,
          cpuMsPerPage: Math.round((used / pages) * 100) / 100,
          nodeCpuMsPerPage: Math.round((nodeUsed / pages) * 100) / 100,
          loadavg: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
        };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      } finally {
        await server.stop();
      }
    }
  }
}

await main();

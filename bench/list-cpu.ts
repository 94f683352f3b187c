import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BENCH_SERVER_ENV, cpuMs, postgresPids, startBareServer, startServer } from "./lib.js";
import { load } from "./load.js";

/**
 * List CPU per request, servers alternating on one data directory (decision 0029):
 * `npx tsx bench/list-cpu.ts <label>=<path to rapport.mjs> … [bare]` with BENCH_DATA_DIR,
 * BENCH_PORT, BENCH_SECONDS (per measure) and BENCH_ROUNDS. `bare` is the customers bench's
 * calibration route (bench/bare-list-server.ts) on the same data. For each round and server:
 * start it, warm up for 3 s, then `GET /api/v1/contacts?limit=50&sort=name&filter[lifecycleStage][eq]=…`
 * (rotating stages, as the customers bench) at 10 connections; CPU = the server process plus
 * every PostgreSQL process (/proc/<pid>/stat) during the measure, divided by the requests
 * served — independent of how much of the machine the run got. One JSON line per measure.
 */
const DATA_DIR = process.env.BENCH_DATA_DIR as string;
const PORT = Number(process.env.BENCH_PORT ?? 3790);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const STAGES = ["customer", "lead", "prospect", "churned", "opportunity"];
const servers = process.argv.slice(2).map((a) => {
  const at = a.indexOf("=");
  return at < 0 ? { label: a, bin: "" } : { label: a.slice(0, at), bin: a.slice(at + 1) };
});

type Target = { url: string; path: (i: number) => string; headers: Record<string, string>; pid: number; stop(): Promise<void> };

async function startRapport(bin: string): Promise<Target> {
  const server = await startServer(DATA_DIR, PORT, BENCH_SERVER_ENV, { bin });
  const key = execFileSync(
    process.execPath,
    [bin, "api-keys", "create", "--workspace", "bench", "--role", "admin", "--name", `list cpu ${Date.now()}`],
    { env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn" } },
  )
    .toString()
    .trim();
  return {
    url: server.url,
    path: (i) => `/api/v1/contacts?limit=50&sort=name&filter[lifecycleStage][eq]=${STAGES[i % STAGES.length]}`,
    headers: { authorization: `Bearer ${key}` },
    pid: server.proc.pid as number,
    stop: () => server.stop(),
  };
}

/** The bare route needs a running cluster: a Rapport server keeps it up meanwhile. */
async function startBare(): Promise<Target> {
  const host = await startServer(DATA_DIR, PORT, BENCH_SERVER_ENV);
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as { appPassword: string };
  const pgPort = Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  const admin = new pg.Client({
    host: "127.0.0.1",
    port: pgPort,
    user: "rapport_app",
    password: secrets.appPassword,
    database: "rapport",
  });
  await admin.connect();
  const ws = (await admin.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'bench'")).rows[0]?.id as string;
  await admin.end();
  const bare = await startBareServer(DATA_DIR, "bench/bare-list-server.ts", ws);
  return {
    url: bare.url,
    path: (i) => `/list?stage=${STAGES[i % STAGES.length]}`,
    headers: {},
    pid: bare.pid,
    async stop() {
      await bare.stop();
      await host.stop();
    },
  };
}

async function main() {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const s of servers) {
      const t = s.label === "bare" ? await startBare() : await startRapport(s.bin);
      try {
        const request = (i: number) => ({ path: t.path(i) });
        await load({ base: t.url, headers: t.headers, concurrency: 10, durationMs: 3000, request });
        const pids = [t.pid, ...postgresPids(DATA_DIR)];
        const before = cpuMs(pids);
        const nodeBefore = cpuMs([t.pid]);
        const client = process.cpuUsage();
        const r = await load({ base: t.url, headers: t.headers, concurrency: 10, durationMs: SECONDS * 1000, request });
        const used = cpuMs(pids) - before;
        const node = cpuMs([t.pid]) - nodeBefore;
        const c = process.cpuUsage(client);
        const per = (ms: number) => Math.round((ms / r.requests) * 1000) / 1000;
        console.log(
          JSON.stringify({
            round,
            server: s.label,
            rps: r.rps,
            p99: r.p99,
            errors: r.errors,
            cpuMsPerRequest: per(used),
            nodeCpuMs: per(node),
            postgresCpuMs: per(used - node),
            clientCpuMs: per((c.user + c.system) / 1000),
            load: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
          }),
        );
      } finally {
        await t.stop();
      }
    }
  }
}

await main();

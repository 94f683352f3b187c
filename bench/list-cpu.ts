import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BENCH_SERVER_ENV, postgresPids, ROOT, startServer } from "./lib.js";
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

const TICK_MS = 10; // USER_HZ = 100 on Linux
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited
    }
  }
  return ticks * TICK_MS;
}

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
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/bare-list-server.ts")], {
    env: {
      ...process.env,
      BARE_DATABASE_URL: `postgres://rapport_app:${encodeURIComponent(secrets.appPassword)}@127.0.0.1:${pgPort}/rapport`,
      BARE_WORKSPACE_ID: ws,
      PORT: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (d) => {
      out += String(d);
      if (out.includes("\n")) resolve(out.trim());
    });
    proc.once("exit", () => reject(new Error("the bare list server exited")));
  });
  return {
    url,
    path: (i) => `/list?stage=${STAGES[i % STAGES.length]}`,
    headers: {},
    pid: proc.pid as number,
    async stop() {
      const done = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await done;
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

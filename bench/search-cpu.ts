import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BENCH_SERVER_ENV, cpuMs, postgresPids, startServer as startBenchServer } from "./lib.js";
import { load } from "./load.js";

/**
 * Search CPU per request, servers alternating on one data directory (decision 0025):
 * `npx tsx bench/search-cpu.ts <label>=<path to rapport.mjs> …` with BENCH_DATA_DIR, BENCH_PORT,
 * BENCH_SECONDS (per measure), BENCH_ROUNDS, BENCH_KINDS (comma-separated, default all) and
 * BENCH_WARMUP_SECONDS (the mix at 10 connections before measuring, default 2).
 * For each round and server: start it, warm up, then the query mix and each query kind at 10
 * connections; CPU = the server process plus every PostgreSQL process (/proc/<pid>/stat)
 * during the measure, divided by the searches served — independent of how much of the
 * machine the run got. Prints one JSON line per measure.
 */
const DATA_DIR = process.env.BENCH_DATA_DIR as string;
const PORT = Number(process.env.BENCH_PORT ?? 3790);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const KINDS = ["mix", "namePrefix", "fullName", "misspelt", "email", "phone", "domain"];
const ONLY = new Set((process.env.BENCH_KINDS ?? KINDS.join(",")).split(","));
const servers = process.argv.slice(2).map((a) => {
  const at = a.indexOf("=");
  return { label: a.slice(0, at), bin: a.slice(at + 1) };
});

/** The last two letters swapped, as bench/customers.bench.ts misspells names. */
const swap = (s: string) => (s.length < 4 ? s : `${s.slice(0, -2)}${s.at(-1)}${s.at(-2)}`);

async function queries(): Promise<Record<string, string[]>> {
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as { superuserPassword: string };
  const port = Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  const db = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: secrets.superuserPassword, database: "rapport" });
  await db.connect();
  try {
    const sample = (
      await db.query<{ first_name: string; last_name: string; emails: string[]; phones: string[] }>(
        "SELECT first_name, last_name, emails, phones FROM contacts WHERE workspace_id = (SELECT id FROM workspaces WHERE slug = 'bench') ORDER BY id LIMIT 50",
      )
    ).rows;
    // The same queries as bench/customers.bench.ts searchPart.
    const kinds: Record<string, string[]> = {
      namePrefix: sample.map((c) => c.last_name.slice(0, 4)),
      fullName: sample.map((c) => `${c.first_name} ${c.last_name}`),
      misspelt: sample.map((c) => `${swap(c.first_name)} ${swap(c.last_name)}`),
      email: sample.map((c) => c.emails[0] ?? ""),
      phone: sample.map((c) => (c.phones[0] ?? "").slice(0, 9)),
      domain: sample.map(() => "acme.example"),
    };
    kinds.mix = sample.flatMap((_, i) => KINDS.slice(1).map((k) => kinds[k]?.[i] as string));
    return kinds;
  } finally {
    await db.end();
  }
}

async function start(bin: string) {
  if (process.env.BENCH_URL) {
    // A server started by hand (e.g. under --cpu-prof): measure the client side only.
    return { url: process.env.BENCH_URL, headers: { authorization: `Bearer ${process.env.BENCH_KEY}` }, pids: () => [], async stop() {} };
  }
  const server = await startBenchServer(DATA_DIR, PORT, BENCH_SERVER_ENV, { bin });
  const { proc, url } = server;
  const key = execFileSync(
    process.execPath,
    [bin, "api-keys", "create", "--workspace", "bench", "--role", "admin", "--name", `cpu ${Date.now()}`],
    {
      env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn" },
    },
  )
    .toString()
    .trim();
  return {
    url,
    headers: { authorization: `Bearer ${key}` },
    pids: () => [proc.pid as number, ...postgresPids(DATA_DIR)],
    stop: () => server.stop(),
  };
}

async function main() {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const s of servers) {
      const server = await start(s.bin);
      try {
        const q = await queries();
        const path = (list: string[], i: number) => `/api/v1/search?limit=10&q=${encodeURIComponent(list[i % list.length] as string)}`;
        await load({
          base: server.url,
          headers: server.headers,
          concurrency: 10,
          durationMs: WARMUP_SECONDS * 1000,
          request: (i) => ({ path: path(q.mix as string[], i) }),
        });
        for (const kind of KINDS.filter((k) => ONLY.has(k))) {
          const list = q[kind] as string[];
          const pids = server.pids();
          const before = cpuMs(pids);
          const nodeBefore = cpuMs(pids.slice(0, 1));
          const client = process.cpuUsage();
          const r = await load({
            base: server.url,
            headers: server.headers,
            concurrency: 10,
            durationMs: SECONDS * 1000,
            request: (i) => ({ path: path(list, i) }),
          });
          const used = cpuMs(pids) - before;
          const node = cpuMs(pids.slice(0, 1)) - nodeBefore;
          const c = process.cpuUsage(client);
          console.log(
            JSON.stringify({
              round,
              server: s.label,
              kind,
              rps: r.rps,
              p95: r.p95,
              errors: r.errors,
              cpuMsPerSearch: Math.round((used / r.requests) * 100) / 100,
              nodeCpuMsPerSearch: Math.round((node / r.requests) * 100) / 100,
              clientCpuMsPerSearch: Math.round(((c.user + c.system) / 1000 / r.requests) * 100) / 100,
              load: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
            }),
          );
        }
      } finally {
        await server.stop();
      }
    }
  }
}

await main();

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BENCH_SERVER_ENV, startBareServer, startServer as startBenchServer } from "./lib.js";
import { load } from "./load.js";

/**
 * Where a create's time goes: alternating runs of single creates (10 connections) against
 * several server checkouts on one data directory, each reporting throughput, CPU per create
 * (server + every PostgreSQL process, from /proc/<pid>/stat), WAL bytes and syncs per
 * create, and the statements per create (pg_stat_statements).
 *
 * The label `bare` (no path; needs another bin, whose server keeps PostgreSQL up) runs bench/bare-create-server.ts instead: one INSERT of a person
 * row per request in a transaction, without Rapport's logic — the ceiling in the same run.
 * `clientMs` is the load generator's own CPU per create (this process); `netCpuMsPerCreate`
 * subtracts what the server and PostgreSQL spent per second while idle just before.
 *
 * PROBE_BINS=label=path/to/rapport.mjs,label2=...,bare PROBE_ROUNDS=2 PROBE_SECONDS=6
 * BENCH_DATA_DIR=... BENCH_PORT=... node --import tsx bench/creates-probe.ts
 */
const DATA_DIR = process.env.BENCH_DATA_DIR as string;
const PORT = Number(process.env.BENCH_PORT ?? 4503);
const SECONDS = Number(process.env.PROBE_SECONDS ?? 6);
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.PROBE_CONNECTIONS ?? 10);
const STATEMENTS = process.env.PROBE_STATEMENTS === "1";
const BINS = (process.env.PROBE_BINS ?? "").split(",").map((s) => {
  const [label, bin] = s.split("=");
  return { label: label as string, bin: bin as string };
});
const IDLE_SECONDS = Number(process.env.PROBE_IDLE_SECONDS ?? 3);
const TICK = 100; // clock ticks per second (getconf CLK_TCK)

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime are fields 14–15 (index 11–12 after the command)
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return -1;
  }
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  let text = "";
  try {
    text = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)]).toString();
  } catch {
    return out; // no children
  }
  const kids = text
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  for (const k of kids) out.push(k, ...descendants(k));
  return out;
}

function postmasterPid() {
  return Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
}

async function startServer(bin: string) {
  // A server left on the port would answer the health check in place of this one.
  const busy = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${PORT} is already served; stop that server first`);
  const nodeArgs = (process.env.PROBE_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = await startBenchServer(DATA_DIR, PORT, BENCH_SERVER_ENV, { bin, nodeArgs });
  return { url: server.url, pid: server.proc.pid as number, stop: () => server.stop() };
}

function admin() {
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as { superuserPassword: string };
  const port = Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  return new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: secrets.superuserPassword, database: "rapport" });
}

async function walStats(db: pg.Client) {
  const wal = (await db.query("SELECT pg_current_wal_lsn()::text AS lsn, wal_records::bigint AS records FROM pg_stat_wal")).rows[0];
  const io = (
    await db.query(
      "SELECT coalesce(sum(fsyncs),0)::bigint AS fsyncs, coalesce(sum(writes),0)::bigint AS writes FROM pg_stat_io WHERE object = 'wal'",
    )
  ).rows[0];
  return { lsn: wal.lsn as string, records: Number(wal.records), fsyncs: Number(io.fsyncs), writes: Number(io.writes) };
}

/** bench/bare-create-server.ts on the data directory's database, as a probed server. */
async function startBare(db: pg.Client) {
  const ws = (await db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'bench'")).rows[0]?.id as string;
  return startBareServer(DATA_DIR, "bench/bare-create-server.ts", ws, PORT + 1); // the idle Rapport server holds PORT
}

async function one(label: string, bin: string) {
  const bare = label === "bare";
  // The bare server needs PostgreSQL up: an idle Rapport server (of the first other bin) keeps
  // it running; its own CPU is not counted.
  const host = await startServer(bare ? (BINS.find((b) => b.label !== "bare")?.bin as string) : bin);
  const db = admin();
  await db.connect();
  const server = bare ? await startBare(db) : host;
  try {
    const key = bare
      ? ""
      : execFileSync(
          process.execPath,
          [bin, "api-keys", "create", "--workspace", "bench", "--role", "admin", "--name", `probe ${Date.now()}`],
          {
            env: { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn" },
          },
        )
          .toString()
          .trim();
    const headers: Record<string, string> = bare ? {} : { authorization: `Bearer ${key}` };
    const body = (i: number) => ({ firstName: "Probe", lastName: `Create ${i % 1000}`, emails: [`probe${Date.now()}${i}@example.com`] });
    const request = (i: number) => ({ method: "POST" as const, path: bare ? "/contacts" : "/api/v1/contacts", body: body(i) });
    await load({ base: server.url, headers, concurrency: CONNECTIONS, durationMs: 2000, request });
    await new Promise((r) => setTimeout(r, 1500)); // let the event consumers catch up
    const pids = [server.pid, postmasterPid(), ...descendants(postmasterPid())];
    // What the server and PostgreSQL spend with no request at all (pollers, timers, autovacuum),
    // per second: subtracted for `netCpuMsPerCreate`, since at a few dozen creates per second
    // that fixed cost is a large share of the gross figure and varies with the rate.
    const idle0 = new Map(pids.map((p) => [p, cpuTicks(p)]));
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    let idleTicks = 0;
    for (const [p, before] of idle0) {
      const after = cpuTicks(p);
      if (before >= 0 && after >= 0) idleTicks += after - before; // a process that exited meanwhile is left out
    }
    const idleTicksPerSecond = idleTicks / IDLE_SECONDS;
    if (STATEMENTS) await db.query("SELECT pg_stat_statements_reset()");
    const wal0 = await walStats(db);
    const cpu0 = new Map(pids.map((p) => [p, cpuTicks(p)]));
    const load0 = fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0];
    const t0 = performance.now();
    const client0 = process.cpuUsage();
    const r = await load({ base: server.url, headers, concurrency: CONNECTIONS, durationMs: SECONDS * 1000, request });
    const client = process.cpuUsage(client0);
    // Include the consumers' work for these creates: wait until they are idle again.
    await new Promise((res) => setTimeout(res, 1500));
    const measuredSeconds = (performance.now() - t0) / 1000;
    const pidsAfter = [server.pid, postmasterPid(), ...descendants(postmasterPid())];
    let serverTicks = 0;
    let pgTicks = 0;
    for (const p of new Set([...pids, ...pidsAfter])) {
      const now = cpuTicks(p);
      const d = now < 0 ? 0 : now - Math.max(0, cpu0.get(p) ?? 0);
      if (p === server.pid) serverTicks += d;
      else pgTicks += d;
    }
    const wal1 = await walStats(db);
    const walBytes = Number((await db.query("SELECT pg_wal_lsn_diff($1, $2)::bigint AS d", [wal1.lsn, wal0.lsn])).rows[0].d);
    const n = r.requests;
    const ms = (ticks: number) => Math.round(((ticks * 1000) / TICK / n) * 100) / 100;
    const out: Record<string, unknown> = {
      label,
      rps: r.rps,
      p50: r.p50,
      p99: r.p99,
      errors: r.errors,
      creates: n,
      cpuMsPerCreate: ms(serverTicks + pgTicks),
      netCpuMsPerCreate: ms(serverTicks + pgTicks - idleTicksPerSecond * measuredSeconds),
      idleCpuMsPerSecond: Math.round((idleTicksPerSecond * 1000) / TICK),
      nodeMs: ms(serverTicks),
      pgMs: ms(pgTicks),
      clientMs: Math.round(((client.user + client.system) / 1000 / n) * 100) / 100,
      walBytesPerCreate: Math.round(walBytes / n),
      walRecordsPerCreate: Math.round(((wal1.records - wal0.records) / n) * 10) / 10,
      walFsyncsPerCreate: Math.round(((wal1.fsyncs - wal0.fsyncs) / n) * 100) / 100,
      walWritesPerCreate: Math.round(((wal1.writes - wal0.writes) / n) * 100) / 100,
      load: `${load0} → ${fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`,
    };
    if (STATEMENTS) {
      const rows = (
        await db.query(
          `SELECT calls, round((total_exec_time + total_plan_time)::numeric / calls, 3) AS ms, shared_blks_hit + shared_blks_read AS blks, wal_bytes, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
             FROM pg_stat_statements WHERE calls > 0 AND dbid = (SELECT oid FROM pg_database WHERE datname = 'rapport') ORDER BY calls DESC, total_exec_time DESC LIMIT 40`,
        )
      ).rows;
      out.statements = rows.map((s) => ({
        perCreate: Math.round((Number(s.calls) / n) * 100) / 100,
        ms: Number(s.ms),
        blksPerCall: Math.round(Number(s.blks) / Number(s.calls)),
        walPerCall: Math.round(Number(s.wal_bytes) / Number(s.calls)),
        q: s.q,
      }));
    }
    return out;
  } finally {
    if (bare) await server.stop();
    await db.end();
    await host.stop();
  }
}

const results: Record<string, unknown>[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const { label, bin } of BINS) {
    const r = await one(label, bin);
    results.push(r);
    const { statements, ...rest } = r as { statements?: unknown[] };
    console.log(JSON.stringify(rest));
    for (const st of statements ?? []) console.log(`  ${JSON.stringify(st)}`);
  }
}

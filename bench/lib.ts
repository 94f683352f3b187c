import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The server under test; BENCH_RAPPORT_BIN points at another checkout's for a same-run baseline. */
export const BIN = process.env.BENCH_RAPPORT_BIN ?? path.join(ROOT, "apps/server/bin/rapport.mjs");

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** What a benchmarked server runs with: no rate limit in the way, no demo workspace. */
export const BENCH_SERVER_ENV = { RAPPORT_RATE_LIMIT_PER_MINUTE: "100000000", RAPPORT_SEED_DEMO: "never" };

export type Server = { proc: ChildProcess; url: string; stop(signal?: NodeJS.Signals): Promise<void> };

/**
 * Starts `rapport start` (of `bin`, another checkout's for a baseline) and resolves once
 * /healthz answers; returns the elapsed ms too.
 */
export async function startServer(
  dataDir: string,
  port: number,
  extraEnv: Record<string, string> = {},
  { bin = BIN, nodeArgs = [] }: { bin?: string; nodeArgs?: string[] } = {},
): Promise<Server & { ms: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...nodeArgs, bin, "start"], {
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", ...extraEnv },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  proc.stderr?.on("data", (d) => {
    log += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  return {
    proc,
    url,
    ms,
    async stop(signal = "SIGTERM") {
      if (proc.exitCode !== null) return;
      const done = new Promise((r) => proc.once("exit", r));
      proc.kill(signal);
      await done;
    },
  };
}

/** Proportional set size (shared pages split between processes) of a process tree, in MB. */
export function memoryOf(pids: number[]): { rssMb: number; pssMb: number } {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rss += Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return { rssMb: rss / 1024, pssMb: pss / 1024 };
}

export function postgresPids(dataDir: string): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)])
    .toString()
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  return [postmaster, ...children];
}

const TICK_MS = 10; // USER_HZ = 100 on Linux
/** CPU milliseconds (user + system) the given processes have used so far; exited ones count 0. */
export function cpuMs(pids: number[]): number {
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

export type BareServer = { url: string; pid: number; stop(): Promise<void> };

/**
 * A bare Fastify + pg calibration server (`script`, relative to the repository) on the data
 * directory's running cluster, as the runtime role, for one workspace. It prints its address
 * once listening.
 */
export async function startBareServer(dataDir: string, script: string, workspaceId: string, port = 0): Promise<BareServer> {
  const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { appPassword: string };
  const pgPort = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script)], {
    env: {
      ...process.env,
      BARE_DATABASE_URL: `postgres://rapport_app:${encodeURIComponent(secrets.appPassword)}@127.0.0.1:${pgPort}/rapport`,
      BARE_WORKSPACE_ID: workspaceId,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (d) => {
      out += String(d);
      if (out.includes("\n")) resolve(out.trim());
    });
    proc.once("exit", () => reject(new Error(`${script} exited`)));
  });
  return {
    url,
    pid: proc.pid as number,
    async stop() {
      const done = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await done;
    },
  };
}

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Every write the server acknowledged survives a SIGKILL of the server, and separately of
 * the postmaster; nothing is duplicated. Runs the real `rapport start` in child processes.
 */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../bin/rapport.mjs");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-durability-"));
const port = 3800 + Math.floor(Math.random() * 100);
const env = {
  ...process.env,
  RAPPORT_DATA_DIR: dataDir,
  PORT: String(port),
  RAPPORT_SERVE_WEB: "false",
  LOG_LEVEL: "warn",
  RAPPORT_RATE_LIMIT_PER_MINUTE: "1000000",
};
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

async function startServer() {
  server = spawn(process.execPath, [BIN, "start"], { env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  server.stderr?.on("data", (d) => {
    log += String(d);
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null) throw new Error(`server exited: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy: ${log}`);
}

async function stopServer(signal: NodeJS.Signals) {
  const s = server;
  if (!s || s.exitCode !== null) return;
  const exited = new Promise((r) => s.once("exit", r));
  s.kill(signal);
  await exited;
}

/**
 * Sends the request `post(worker, i)` describes from 4 workers as fast as possible until
 * stopped; returns the ids the server acknowledged with 201.
 */
function postLoop(post: (w: number, i: number) => { path: string; headers: Record<string, string>; body: unknown }) {
  const acknowledged: string[] = [];
  let running = true;
  const workers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; running; i++) {
      const req = post(w, i);
      try {
        const res = await fetch(`${base}${req.path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...req.headers },
          body: JSON.stringify(req.body),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

/** Teams created with an Idempotency-Key each (the command runner's transaction). */
const writeLoop = (key: string, prefix: string) =>
  postLoop((w, i) => ({
    path: "/api/v1/teams",
    headers: { authorization: `Bearer ${key}`, "idempotency-key": `${prefix}-${w}-${i}` },
    body: { name: `${prefix} ${w}-${i}` },
  }));

/**
 * People created without an Idempotency-Key: one statement without BEGIN/COMMIT, the API
 * key re-verified inside it once remembered (decision 0031).
 */
const createLoop = (key: string, prefix: string) =>
  postLoop((w, i) => ({
    path: "/api/v1/contacts",
    headers: { authorization: `Bearer ${key}` },
    body: { firstName: prefix, lastName: `${w}x${i}`, emails: [`${prefix}.${w}.${i}@example.com`] },
  }));

async function teamIds(key: string, prefix: string): Promise<string[]> {
  const res = await fetch(`${base}/api/v1/teams`, { headers: { authorization: `Bearer ${key}` } });
  const body = (await res.json()) as { items: { id: string; name: string }[] };
  return body.items.filter((t) => t.name.startsWith(prefix)).map((t) => t.id);
}

afterAll(async () => {
  await stopServer("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("durability", () => {
  let key = "";

  it("keeps every acknowledged write after the server is killed with SIGKILL", async () => {
    await startServer();
    key = execFileSync(process.execPath, [BIN, "api-keys", "create", "--workspace", "demo", "--role", "admin", "--name", "durability"], {
      env,
    })
      .toString()
      .trim();
    const writes = writeLoop(key, "kill-server");
    await new Promise((r) => setTimeout(r, 1500));
    server?.kill("SIGKILL");
    await new Promise((r) => server?.once("exit", r));
    await writes.stop();
    expect(writes.acknowledged.length).toBeGreaterThan(10);
    // The orphaned postmaster is adopted (or restarted) by the next start.
    await startServer();
    const stored = await teamIds(key, "kill-server");
    for (const id of writes.acknowledged) expect(stored).toContain(id);
    expect(new Set(stored).size).toBe(stored.length);
  });

  it("keeps every acknowledged write after the postmaster is killed with SIGKILL", async () => {
    const writes = writeLoop(key, "kill-postgres");
    await new Promise((r) => setTimeout(r, 1500));
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmasterPid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    await writes.stop();
    expect(writes.acknowledged.length).toBeGreaterThan(10);
    await stopServer("SIGKILL");
    await startServer();
    const stored = await teamIds(key, "kill-postgres");
    for (const id of writes.acknowledged) expect(stored).toContain(id);
    expect(new Set(stored).size).toBe(stored.length);
  });

  it("keeps every acknowledged one-statement create, gettable and searchable, after the postmaster is killed", async () => {
    const creates = createLoop(key, "killpg");
    await new Promise((r) => setTimeout(r, 1500));
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmasterPid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    await creates.stop();
    expect(creates.acknowledged.length).toBeGreaterThan(10);
    await stopServer("SIGKILL");
    await startServer();
    const headers = { authorization: `Bearer ${key}` };
    for (const id of creates.acknowledged) {
      expect((await fetch(`${base}/api/v1/contacts/${id}`, { headers })).status).toBe(200);
    }
    const last = creates.acknowledged[creates.acknowledged.length - 1] as string;
    const person = (await (await fetch(`${base}/api/v1/contacts/${last}`, { headers })).json()) as { emails: string[] };
    const found = (await (await fetch(`${base}/api/v1/search?q=${encodeURIComponent(person.emails[0] ?? "")}`, { headers })).json()) as {
      items: { id: string }[];
    };
    expect(found.items.map((h) => h.id)).toContain(last);
  });
});

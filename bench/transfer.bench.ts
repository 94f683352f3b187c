import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { clusterCpuSeconds, importCeiling, walStats } from "./import-ceiling.js";
import { BIN, ROOT } from "./lib.js";
import { writePeopleCsv } from "./people-csv.js";

/**
 * Issue 4 at scale: `rapport import contacts` of a 12-column CSV of a million people into the
 * `bench` workspace that already holds a million (the large seed of the customers suite),
 * then `rapport export contacts` of the workspace. Each runs as its own process (the import
 * through `runImport`, the function the import job runs); the figures are its rows/s and its
 * peak resident memory (VmHWM). The people an earlier run imported are removed first and
 * afterwards, so the workspace holds the seed's million each time.
 */
const DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(ROOT, "data-bench");
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
/** Another checkout's `rapport` (its bin path) to measure a baseline with the same harness. */
const RAPPORT = process.env.BENCH_RAPPORT_BIN ?? BIN;
const PORT = Number(process.env.BENCH_PORT ?? 3791);
/** A list filter for the export (`lifecycleStage[eq]=churned`: a sixth of the seed) when the whole workspace would take too long. */
const EXPORT_FILTER = process.env.BENCH_EXPORT_FILTER;
/** `--batch-size` of the import (rows per transaction); unset: the command's default. */
const IMPORT_BATCH = process.env.BENCH_IMPORT_BATCH;
/** People written by the bare-COPY ceiling after the import (0: skip it). */
const CEILING_ROWS = Number(process.env.BENCH_CEILING_ROWS ?? 50_000);
const FILE = path.join(ROOT, "bench/out", `people-${IMPORT_ROWS}.csv`);

const env = { ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn", RAPPORT_SEED_DEMO: "never" };

/** Runs `rapport args…`, sampling its peak resident memory; resolves with its output and timings. */
function measured(args: string[], stdout: "pipe" | "ignore") {
  return new Promise<{ stderr: string; seconds: number; peakRssMb: number; cpuSeconds: number }>((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [RAPPORT, ...args], { env, stdio: ["ignore", stdout, "pipe"] });
    let stderr = "";
    let peak = 0;
    let cpuTicks = 0;
    child.stderr?.on("data", (d) => {
      stderr = (stderr + String(d)).slice(-20_000);
    });
    const sample = setInterval(() => {
      try {
        const kb = Number(/^VmHWM:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0);
        peak = Math.max(peak, kb);
        const stat = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        cpuTicks = Number(f[11]) + Number(f[12]);
      } catch {
        // exited
      }
    }, 250);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(sample);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`rapport ${args.join(" ")} exited ${code}:\n${stderr}`));
      else resolve({ stderr, seconds, peakRssMb: Math.round(peak / 1024), cpuSeconds: cpuTicks / 100 });
    });
  });
}

function adminClient() {
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as { superuserPassword: string };
  const port = Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  return new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: secrets.superuserPassword, database: "rapport" });
}

/** The API alone (no worker, so no event consumers compete with the import): it keeps PostgreSQL up between the commands. */
async function startApi() {
  const proc = spawn(process.execPath, [BIN, "serve"], { env: { ...env, PORT: String(PORT) }, stdio: ["ignore", "ignore", "inherit"] });
  for (;;) {
    if (proc.exitCode !== null) throw new Error("server exited");
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      if (proc.exitCode !== null) return;
      const done = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await done;
    },
  };
}

/** Removes what earlier runs of this bench imported: their people, tokens, links, events and the imports. */
async function removeBenchImports(db: pg.Client, ws: string) {
  const imports = (
    await db.query<{ id: string }>("SELECT id FROM imports WHERE workspace_id = $1 AND filename LIKE 'people-%.csv'", [ws])
  ).rows.map((r) => r.id);
  if (imports.length === 0) return 0;
  await db.query("BEGIN");
  await db.query(
    `CREATE TEMP TABLE bench_gone ON COMMIT DROP AS
       SELECT entity_id AS id FROM import_rows WHERE workspace_id = $1 AND import_id = ANY($2::uuid[]) AND entity_type = 'p' AND action = 'c'`,
    [ws, imports],
  );
  await db.query("CREATE INDEX ON bench_gone (id)");
  await db.query("ANALYZE bench_gone");
  const gone = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM bench_gone")).rows[0]?.n ?? 0;
  await db.query(
    "DELETE FROM search_tokens t USING bench_gone g WHERE t.workspace_id = $1 AND t.entity_type = 'p' AND t.entity_id = g.id",
    [ws],
  );
  await db.query(
    "DELETE FROM domain_events e USING bench_gone g WHERE e.workspace_id = $1 AND e.entity_type = 'contact' AND e.entity_id = g.id",
    [ws],
  );
  await db.query("DELETE FROM domain_events WHERE workspace_id = $1 AND entity_type = 'import' AND entity_id = ANY($2::uuid[])", [
    ws,
    imports,
  ]);
  await db.query("DELETE FROM contacts c USING bench_gone g WHERE c.workspace_id = $1 AND c.id = g.id", [ws]);
  await db.query("DELETE FROM imports WHERE workspace_id = $1 AND id = ANY($2::uuid[])", [ws, imports]);
  await db.query("COMMIT");
  await db.query("VACUUM ANALYZE contacts");
  await db.query("VACUUM ANALYZE search_tokens");
  return gone;
}

const num = (re: RegExp, text: string) => Number(re.exec(text)?.[1]?.replaceAll(",", "") ?? Number.NaN);

export async function transferBench() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  const seeded = spawnSync(process.execPath, [BIN, "seed", "--size", "large", "--count", String(PEOPLE)], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (seeded.status !== 0) throw new Error("seeding failed");

  const api = await startApi();
  const db = adminClient();
  await db.connect();
  try {
    const ws = (await db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'bench'")).rows[0]?.id as string;
    const removed = await removeBenchImports(db, ws);
    const before = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1", [ws])).rows[0]?.n ?? 0;
    // 5 % of the rows are people already in the workspace (updates), 2 % repeat an earlier
    // row of the file, 0.5 % have a bad email.
    const existingEmails = (
      await db.query<{ e: string }>("SELECT emails[1] AS e FROM contacts WHERE workspace_id = $1 AND deleted_at IS NULL LIMIT 50000", [ws])
    ).rows.map((r) => r.e);
    const mix = await writePeopleCsv(FILE, { rows: IMPORT_ROWS, existingEmails, matchEvery: 20, dupEvery: 50, badEvery: 200 });
    const sizeMb = Math.round(fs.statSync(FILE).size / 1e5) / 10;

    const since = (await db.query<{ t: Date }>("SELECT now() AS t")).rows[0]?.t;
    const wal0 = await walStats(db);
    const cpu0 = clusterCpuSeconds(DATA_DIR);
    const imp = await measured(
      ["import", "contacts", FILE, "--workspace", "bench", ...(IMPORT_BATCH ? ["--batch-size", IMPORT_BATCH] : [])],
      "ignore",
    );
    const cpu1 = clusterCpuSeconds(DATA_DIR);
    const wal1 = await walStats(db);
    const importSeconds = num(/rows in ([\d.]+) s/, imp.stderr);
    const summary = /— (.*) \(import/.exec(imp.stderr)?.[1] ?? imp.stderr.slice(-500);
    const after = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1", [ws])).rows[0]?.n ?? 0;
    const events = (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM domain_events WHERE workspace_id = $1 AND type IN ('contact.created', 'contact.updated') AND occurred_at >= $2",
        [ws, since],
      )
    ).rows[0]?.n;

    const exp = await measured(
      ["export", "contacts", "--workspace", "bench", ...(EXPORT_FILTER ? ["--filter", EXPORT_FILTER] : [])],
      "ignore",
    );
    const exported = num(/exported ([\d,]+) contacts/, exp.stderr);
    const exportSeconds = num(/contacts in ([\d.]+) s/, exp.stderr);

    const out = {
      workspace: { peopleBefore: before, peopleAfter: after, removedFromEarlierRuns: removed },
      import: {
        file: { rows: IMPORT_ROWS, columns: 12, sizeMb, ...mix },
        batchRows: IMPORT_BATCH ? Number(IMPORT_BATCH) : null,
        summary,
        seconds: importSeconds,
        rowsPerSecond: Math.round(IMPORT_ROWS / importSeconds),
        wallSecondsInclStartAndCount: Math.round(imp.seconds * 10) / 10,
        peakRssMb: imp.peakRssMb,
        contactEvents: events,
        // The cluster's WAL during the import (other sessions idle): its volume and full-page images.
        // CPU seconds of the import's process (sampled every 250 ms) and of the cluster meanwhile.
        processCpuSeconds: imp.cpuSeconds,
        postgresCpuSeconds: Math.round((cpu1 - cpu0) * 10) / 10,
        walMb: Math.round((wal1.bytes - wal0.bytes) / 1e6),
        fullPageImages: wal1.fpi - wal0.fpi,
      },
      export: {
        filter: EXPORT_FILTER ?? null,
        rows: exported,
        seconds: exportSeconds,
        rowsPerSecond: Math.round(exported / exportSeconds),
        wallSeconds: Math.round(exp.seconds * 10) / 10,
        peakRssMb: exp.peakRssMb,
      },
    };
    // The same workspace, the bare bulk-write cost of people computed in advance (see import-ceiling.ts).
    const ceiling = CEILING_ROWS > 0 ? await importCeiling(db, DATA_DIR, ws, CEILING_ROWS) : null;
    if (!process.env.BENCH_KEEP_IMPORT) await removeBenchImports(db, ws);
    return { ...out, ceiling };
  } finally {
    await db.end();
    await api.stop();
  }
}

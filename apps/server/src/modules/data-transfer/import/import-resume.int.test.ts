import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDiskStorage } from "../../../platform/storage/storage.js";
import { createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../../test/harness.js";
import { asOn, multipartFile, transferApp } from "../test-api.js";
import { runImport } from "./import-job.js";

let api: TestApi;
let t: Awaited<ReturnType<typeof transferApp>>;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  t = await transferApp(api);
  ws = await createTestWorkspace(api);
});
afterAll(async () => {
  await t?.close();
  await api?.close();
});

/** 2,500 rows: every 10th repeats the person before it, every 50th has a bad email. */
function file() {
  const lines = ["First Name,Last Name,Email,Tags"];
  const people = new Set<string>();
  let good = 0;
  let bad = 0;
  for (let i = 1; i <= 2500; i++) {
    const n = i % 10 === 0 ? i - 1 : i;
    const email = i % 50 === 0 ? `broken-${i}` : `p${n}@example.com`;
    lines.push(`P${n},"Row, ${i}",${email},t${i % 3}`);
    if (i % 50 === 0) bad++;
    else {
      good++;
      people.add(email);
    }
  }
  return { bytes: Buffer.from(`${lines.join("\n")}\n`), good, bad, people: people.size };
}

const count = async (sql: string, params: unknown[]) => (await api.database.pool.query(sql, params)).rows[0].n as number;

describe("a stopped import resumes where it stopped", () => {
  it("applies every good row exactly once across a pause, a crash and two concurrent runs", async () => {
    const f = file();
    const storage = localDiskStorage(path.join(process.env.RAPPORT_DATA_DIR as string, "files"));
    const up = await asOn(t.app, ws.users.admin, { method: "POST", url: "/api/v1/imports", ...multipartFile("big.csv", f.bytes) });
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().id as string;
    expect((await asOn(t.app, ws.users.admin, { method: "POST", url: `/api/v1/imports/${id}/start` })).statusCode).toBe(202);
    const ref = { workspaceId: ws.id, importId: id };
    const state = async () => (await asOn(t.app, ws.users.admin, { method: "GET", url: `/api/v1/imports/${id}` })).json();
    const contacts = () => count("SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1", [ws.id]);

    expect(await runImport({ db: api.db, storage }, ref, { batchRows: 1000, maxBatches: 1 })).toBe("paused");
    expect((await state()).progress.rowsDone).toBe(1000);
    const afterFirst = await contacts();

    // The process dies while the third batch is written: it never commits.
    const crash = async (position: number) => {
      if (position === 2000) throw new Error("simulated crash");
    };
    await expect(runImport({ db: api.db, storage }, ref, { batchRows: 1000, beforeCommit: crash })).rejects.toThrow("simulated crash");
    const crashed = await state();
    expect(crashed).toMatchObject({ status: "running", progress: { rowsDone: 2000 } });
    expect(crashed.lastError).toContain("simulated crash");
    expect(await contacts()).toBeGreaterThan(afterFirst);

    // A retried job next to the one still running: each batch is applied by one of them only.
    const outcomes = await Promise.all([
      runImport({ db: api.db, storage }, ref, { batchRows: 100 }),
      runImport({ db: api.db, storage }, ref, { batchRows: 100 }),
    ]);
    expect(outcomes.sort()).toEqual(["completed", "stopped"]);

    const done = await state();
    expect(done).toMatchObject({ status: "completed", lastError: null, progress: { rowsDone: 2500, failed: f.bad } });
    const { created, updated, skipped } = done.progress;
    expect(created + updated + skipped).toBe(f.good);
    expect(created).toBe(f.people);
    expect(await contacts()).toBe(f.people);
    expect(await count("SELECT count(DISTINCT e)::int AS n FROM contacts, unnest(emails) e WHERE workspace_id = $1", [ws.id])).toBe(
      f.people,
    );
    expect(await count("SELECT count(*)::int AS n FROM import_errors WHERE workspace_id = $1 AND import_id = $2", [ws.id, id])).toBe(f.bad);
    // Repeated rows merged into one person: P9 has the tags of rows 9 and 10.
    const p9 = await api.database.pool.query("SELECT tags FROM contacts WHERE workspace_id = $1 AND 'p9@example.com' = ANY(emails)", [
      ws.id,
    ]);
    expect(p9.rows[0].tags).toEqual(["t0", "t1"]);
  });
});

import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "import-child.fixture.ts");

/** 3,000 people, each once, every 100th row with a bad email: 2,970 good rows. */
function file() {
  const lines = ["Email,First Name,Last Name,Company"];
  for (let i = 1; i <= 3000; i++) lines.push(`${i % 100 === 0 ? `nope-${i}` : `k${i}@example.org`},Kay,"Killed, ${i}",Acme ${i % 7}`);
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}

describe("an import process killed with SIGKILL", () => {
  it("resumes after the last committed batch: the final count is the file's good rows exactly", async () => {
    const up = await asOn(t.app, ws.users.admin, { method: "POST", url: "/api/v1/imports", ...multipartFile("kill.csv", file()) });
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().id as string;
    expect((await asOn(t.app, ws.users.admin, { method: "POST", url: `/api/v1/imports/${id}/start` })).statusCode).toBe(202);

    // A real process, killed while its third batch is written but not committed.
    const child = fork(FIXTURE, [ws.id, id, "1000", "2000"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const inFlight = await new Promise<number>((resolve, reject) => {
      child.on("message", (m) => resolve((m as { inFlight: number }).inFlight));
      child.on("exit", (code) => reject(new Error(`the import process ended (${code}) before its third batch`)));
    });
    expect(inFlight).toBe(2000);
    const contacts = async () =>
      (await api.database.pool.query("SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1", [ws.id])).rows[0].n as number;
    // What the killed process wrote in its open transaction is not visible to anyone.
    expect(await contacts()).toBe(1980);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const storage = localDiskStorage(path.join(process.env.RAPPORT_DATA_DIR as string, "files"));
    expect(await runImport({ db: api.db, storage }, { workspaceId: ws.id, importId: id }, { batchRows: 1000 })).toBe("completed");
    const done = (await asOn(t.app, ws.users.admin, { method: "GET", url: `/api/v1/imports/${id}` })).json();
    expect(done).toMatchObject({ status: "completed", progress: { rowsDone: 3000, created: 2970, failed: 30 } });
    expect(await contacts()).toBe(2970);
    const errors = await api.database.pool.query(
      "SELECT count(*)::int AS n FROM import_errors WHERE workspace_id = $1 AND import_id = $2",
      [ws.id, id],
    );
    expect(errors.rows[0].n).toBe(30);
  });
});

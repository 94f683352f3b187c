import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { oneWriteHandle, SecondWriteError } from "./one-write-handle.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const NOBODY = "00000000-0000-4000-8000-000000000000";

describe("the one-write handle (decision 0031)", () => {
  it("runs reads, then one write; every statement is its own transaction (no BEGIN around them)", async () => {
    const h = oneWriteHandle(api.db);
    const a = await sql<{ t: string }>`SELECT now()::text AS t`.execute(h);
    await sql`SELECT pg_sleep(0.01)`.execute(h);
    await h.selectFrom("workspaces").select("id").limit(1).execute();
    // In one transaction now() would not move.
    const b = await sql<{ t: string }>`SELECT now()::text AS t`.execute(h);
    expect(b.rows[0]?.t).not.toBe(a.rows[0]?.t);
    await h.updateTable("workspaces").set({ name: sql`name` }).where("id", "=", NOBODY).execute();
  });

  it("refuses any statement after the write, and a second write, before it reaches the database", async () => {
    const h = oneWriteHandle(api.db);
    await sql`WITH x AS (SELECT 1) SELECT * FROM x`.execute(h); // a WITH counts as a write
    await expect(sql`SELECT 1`.execute(h)).rejects.toBeInstanceOf(SecondWriteError);
    const other = oneWriteHandle(api.db);
    await other.updateTable("workspaces").set({ name: sql`name` }).where("id", "=", NOBODY).execute();
    await expect(other.updateTable("workspaces").set({ name: sql`name` }).execute()).rejects.toBeInstanceOf(SecondWriteError);
  });
});

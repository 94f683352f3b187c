import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../../test/harness.js";
import { socketDirectory } from "./cluster.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("the embedded cluster's Unix socket (decision 0029)", () => {
  it("is where the application connects, in a directory only PostgreSQL's user may enter", async () => {
    const dataDir = process.env.RAPPORT_DATA_DIR as string;
    const dir = path.join(dataDir, "pg-socket");
    expect(api.database.appConnection.host).toBe(dir);
    expect(api.database.adminConnection.host).toBe(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    // A backend reached over a Unix socket has no client address.
    const r = await api.database.pool.query<{ addr: string | null }>(
      "SELECT client_addr::text AS addr FROM pg_stat_activity WHERE pid = pg_backend_pid()",
    );
    expect(r.rows[0]?.addr).toBeNull();
  });

  it("is left out, for TCP on loopback, when its path would be too long or unquotable", () => {
    expect(socketDirectory("/srv/rapport", 5432)).toBe("/srv/rapport/pg-socket");
    expect(socketDirectory(`/srv/${"x".repeat(100)}`, 5432)).toBeUndefined();
    expect(socketDirectory("/srv/a,b", 5432)).toBeUndefined();
    expect(socketDirectory("/srv/a b", 5432)).toBeUndefined();
  });
});

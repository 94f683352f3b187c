import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestWorkspace, startTestApi, type TestApi } from "../../test/harness.js";
import { systemActor } from "../auth/principal.js";
import type { DB } from "../db/schema.js";
import { ANNOUNCE_INTERVAL_MS, recordEvent, withAnnouncedEvents } from "./outbox.js";

let api: TestApi;
let listener: pg.Client;
/** This file's own pool: other test files share the database and its notices. */
const APP_NAME = `outbox-test-${process.pid}`;
let db: Kysely<DB>;
let received: number[] = [];
let workspaceId = "";

/** Notices sent by this file's connections. */
async function notices() {
  const ours = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE application_name = ${APP_NAME}`.execute(db);
  const pids = new Set(ours.rows.map((r) => r.pid));
  return received.filter((pid) => pids.has(pid)).length;
}

const event = () => ({ type: "outbox.tested", entityType: "test", entityId: uuidv7(), payload: {} });
const fail = (err: unknown) => {
  throw err;
};

async function waitForNotice(ms = 3000) {
  const until = Date.now() + ms;
  while ((await notices()) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

beforeAll(async () => {
  api = await startTestApi();
  workspaceId = (await createTestWorkspace(api)).id;
  db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ ...api.database.appConnection, max: 5, idleTimeoutMillis: 0, application_name: APP_NAME }),
    }),
  });
  listener = new pg.Client(api.database.appConnection);
  await listener.connect();
  listener.on("notification", (n) => {
    if (n.channel === "rapport_events") received.push(n.processId);
  });
  await listener.query("LISTEN rapport_events");
});

afterAll(async () => {
  await listener.end();
  await db.destroy();
  await api.close();
});

beforeEach(async () => {
  // Earlier writes' notices (and a pending announcement) have landed.
  await new Promise((r) => setTimeout(r, ANNOUNCE_INTERVAL_MS + 200));
  received = [];
});

describe("the outbox's notices", () => {
  it("are sent by the runner after COMMIT, not from inside a command's transaction", async () => {
    let setting: string | null = null;
    await withAnnouncedEvents(db, fail, async (tx) => {
      await recordEvent(tx, systemActor(workspaceId), event());
      setting =
        (await sql<{ v: string | null }>`SELECT current_setting('rapport.events_announced', true) AS v`.execute(tx)).rows[0]?.v ?? null;
    });
    expect(setting).toBe("on");
    await waitForNotice();
    expect(await notices()).toBe(1);
  });

  it("are not sent by a runner whose command recorded no event", async () => {
    await withAnnouncedEvents(db, fail, async (tx) => {
      await sql`SELECT 1`.execute(tx);
    });
    await new Promise((r) => setTimeout(r, ANNOUNCE_INTERVAL_MS + 300));
    expect(await notices()).toBe(0);
  });

  it("are coalesced: at most one per interval however many commands commit", async () => {
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 20 }, () => withAnnouncedEvents(db, fail, (tx) => recordEvent(tx, systemActor(workspaceId), event()))),
    );
    const elapsed = Date.now() - started;
    await waitForNotice();
    await new Promise((r) => setTimeout(r, ANNOUNCE_INTERVAL_MS + 200));
    const sent = await notices();
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(Math.ceil(elapsed / ANNOUNCE_INTERVAL_MS) + 1);
  });

  it("are still sent by the table's trigger for events written outside a runner", async () => {
    await db.transaction().execute((tx) => recordEvent(tx, systemActor(workspaceId), event()));
    await waitForNotice();
    expect(await notices()).toBe(1);
  });

  it("are left to the runner by the trigger only when the transaction says so", async () => {
    await db.transaction().execute(async (tx) => {
      await sql`SELECT set_config('rapport.events_announced', 'on', true)`.execute(tx);
      await recordEvent(tx, systemActor(workspaceId), event());
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await notices()).toBe(0);
  });
});

import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, startTestApi, type TestApi } from "../../test/harness.js";
import { systemActor } from "../auth/principal.js";
import type { DB } from "../db/schema.js";
import { recordEvent } from "./outbox.js";
import { currentEventCursor, type EventConsumer, EventRound, processBatch, type StoredEvent } from "./processor.js";

let api: TestApi;
let db: Kysely<DB>;
let workspaceId = "";
/** Outbox reads (`readEventsAfter`) sent by this file's handle. */
let reads = 0;

beforeAll(async () => {
  api = await startTestApi();
  workspaceId = (await createTestWorkspace(api)).id;
  db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ ...api.database.appConnection, max: 3 }) }),
    log(e) {
      if (e.level === "query" && /FROM domain_events/.test(e.query.sql) && /payload, occurred_at/.test(e.query.sql)) reads++;
    },
  });
});

afterAll(async () => {
  await db.destroy();
  await api.close();
});

/** A consumer that records the ids of this workspace's events it handles, with its cursor where the outbox ends now. */
async function recordingConsumer(label: string, cursor?: { txid: string; seq: number }) {
  const name = `test-${label}-${uuidv7()}`;
  const at = cursor ?? (await currentEventCursor(db));
  await sql`INSERT INTO event_consumers (name, last_txid, last_seq) VALUES (${name}, ${at.txid}::xid8, ${at.seq})`.execute(db);
  const handled: string[] = [];
  const batches: (readonly StoredEvent[])[] = [];
  const consumer: EventConsumer = {
    name,
    async handle(_tx, events) {
      batches.push(events);
      for (const e of events) if (e.workspaceId === workspaceId) handled.push(e.entityId);
    },
  };
  return { consumer, handled, batches };
}

async function writeEvents(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  for (const entityId of ids) {
    await db
      .transaction()
      .execute((tx) => recordEvent(tx, systemActor(workspaceId), { type: "processor.tested", entityType: "test", entityId, payload: {} }));
  }
  return ids;
}

/** Runs rounds (the processor's loop: one EventRound, every consumer in order) until `done`; returns the outbox reads per round. */
async function rounds(consumers: EventConsumer[], done: () => boolean): Promise<number[]> {
  const perRound: number[] = [];
  for (let i = 0; i < 100 && !done(); i++) {
    const before = reads;
    const round = new EventRound();
    let handled = 0;
    for (const c of consumers) handled += await processBatch(db, c, round);
    if (handled > 0) perRound.push(reads - before);
    // Events of transactions that ended after a still-open one become visible later.
    else await new Promise((r) => setTimeout(r, 50));
  }
  return perRound;
}

describe("the event processor's rounds (decision 0034)", () => {
  it("read the outbox once for consumers at the same cursor; each still handles every event once, in order", async () => {
    const a = await recordingConsumer("a");
    const b = await recordingConsumer("b");
    const written = await writeEvents(3);
    const perRound = await rounds([a.consumer, b.consumer], () => a.handled.length >= 3 && b.handled.length >= 3);
    expect(a.handled).toEqual(written);
    expect(b.handled).toEqual(written);
    expect(perRound.length).toBeGreaterThan(0);
    expect(perRound.every((n) => n === 1)).toBe(true);
    // The shared batch is the same array, frozen: a consumer cannot change what the next one gets.
    expect(b.batches[0]).toBe(a.batches[0]);
    expect(Object.isFrozen(b.batches[0])).toBe(true);
    // Nothing is handled twice: the cursors moved past the events.
    await rounds([a.consumer, b.consumer], () => true);
    expect(await processBatch(db, a.consumer, new EventRound())).toBe(0);
    expect(a.handled).toEqual(written);
  });

  it("let a consumer at another cursor read for itself, from its own cursor", async () => {
    const start = await currentEventCursor(db);
    const ahead = await recordingConsumer("ahead");
    const first = await writeEvents(1);
    for (let i = 0; i < 100 && ahead.handled.length < 1; i++) {
      if ((await processBatch(db, ahead.consumer)) === 0) await new Promise((r) => setTimeout(r, 50));
    }
    const behind = await recordingConsumer("behind", start);
    const second = await writeEvents(1);
    const perRound = await rounds([ahead.consumer, behind.consumer], () => ahead.handled.length >= 2 && behind.handled.length >= 2);
    expect(ahead.handled).toEqual([...first, ...second]);
    expect(behind.handled).toEqual([...first, ...second]);
    // The round in which both handled events read twice: their cursors differed.
    expect(perRound[0]).toBe(2);
  });

  it("leave a consumer without a round reading for itself, as before", async () => {
    const c = await recordingConsumer("alone");
    const written = await writeEvents(2);
    const before = reads;
    for (let i = 0; i < 100 && c.handled.length < 2; i++) {
      if ((await processBatch(db, c.consumer)) === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(c.handled).toEqual(written);
    expect(reads - before).toBeGreaterThan(0);
  });
});

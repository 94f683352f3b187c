import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentEventCursor, type EventConsumer, EventRound, processBatch, type StoredEvent } from "../../platform/events/processor.js";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { auditConsumer } from "../audit/index.js";
import { MergeParticipants } from "../records/index.js";
import { identityConsumer } from "./index.js";

let api: TestApi;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
});
afterAll(() => api?.close());

/** The real consumer under its own name, with its cursor where the outbox ends now, recording the batches it gets. */
async function fresh(consumer: EventConsumer) {
  const name = `${consumer.name}-round-test-${uuidv7()}`;
  const at = await currentEventCursor(api.db);
  await sql`INSERT INTO event_consumers (name, last_txid, last_seq) VALUES (${name}, ${at.txid}::xid8, ${at.seq})`.execute(api.db);
  const batches: (readonly StoredEvent[])[] = [];
  return {
    batches,
    consumer: {
      name,
      handle: (tx, events) => {
        batches.push(events);
        return consumer.handle(tx, events);
      },
    } satisfies EventConsumer,
  };
}

describe("a create's event handled by consumers sharing one outbox read (decision 0034)", () => {
  it("still gives the person's audit row and identity keys", async () => {
    const audit = await fresh(auditConsumer);
    const identity = await fresh(identityConsumer(new MergeParticipants()));
    const email = `round.${uuidv7()}@example.com`;
    const res = await as(api, ws.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Rounda", lastName: "Sharedread", emails: [email] },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const seen = (c: { batches: (readonly StoredEvent[])[] }) => c.batches.some((b) => b.some((e) => e.entityId === id));
    for (let i = 0; i < 100 && !(seen(audit) && seen(identity)); i++) {
      const round = new EventRound();
      const handled = (await processBatch(api.db, audit.consumer, round)) + (await processBatch(api.db, identity.consumer, round));
      if (handled === 0) await new Promise((r) => setTimeout(r, 50));
    }
    // Both got the very same batch from the round's one read.
    const batch = audit.batches.find((b) => b.some((e) => e.entityId === id));
    expect(identity.batches).toContain(batch);

    const rows = await api.database.pool.query(
      "SELECT action, field, new_value FROM audit_log WHERE workspace_id = $1 AND entity_id = $2",
      [ws.id, id],
    );
    expect(rows.rows).toEqual([
      {
        action: "contact.created",
        field: "",
        new_value: expect.objectContaining({ firstName: "Rounda", lastName: "Sharedread", emails: [email] }),
      },
    ]);
    const identities = await api.database.pool.query(
      "SELECT kind, value, source FROM contact_identities WHERE workspace_id = $1 AND contact_id = $2",
      [ws.id, id],
    );
    expect(identities.rows).toContainEqual({ kind: "email", value: email, source: "record" });
    const keys = await api.database.pool.query(
      "SELECT count(*)::int AS n FROM identity_match_keys WHERE workspace_id = $1 AND contact_id = $2",
      [ws.id, id],
    );
    expect(keys.rows[0].n).toBeGreaterThan(0);
  });
});

import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../platform/events/processor.js";
import { createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { auditConsumer } from "./audit.consumer.js";

let api: TestApi;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
});
afterAll(() => api?.close());

const event = (type: string, payload: Record<string, unknown>, actorId: string | null): StoredEvent => ({
  workspaceId: ws.id,
  id: uuidv7(),
  seq: 1,
  txid: "1",
  type,
  entityType: "contact",
  entityId: uuidv7(),
  actorType: actorId ? "user" : "system",
  actorId,
  payload,
  occurredAt: new Date("2026-11-29T12:34:56.789Z"),
});

describe("the audit consumer (decision 0031: one statement per batch)", () => {
  it("writes each event's rows as stored values, and nothing more when the batch is handled again", async () => {
    const created = event("contact.created", { after: { name: "Ana", tags: ["vip"] } }, ws.users.admin.id);
    const updated = event("contact.updated", { changes: { title: { old: null, new: "CEO" }, tags: { old: [], new: ["a"] } } }, null);
    const batch = [created, updated];
    await api.db.transaction().execute((tx) => auditConsumer.handle(tx, batch));
    // After a crash the same batch is handled again from the stored cursor.
    await api.db.transaction().execute((tx) => auditConsumer.handle(tx, batch));
    const rows = await api.database.pool.query(
      `SELECT event_id, occurred_at, actor_type, actor_id, action, entity_type, entity_id, field, old_value, new_value
         FROM audit_log WHERE workspace_id = $1 AND event_id = ANY($2::uuid[]) ORDER BY action, field`,
      [ws.id, batch.map((e) => e.id)],
    );
    const base = (e: StoredEvent) => ({
      event_id: e.id,
      occurred_at: e.occurredAt,
      actor_type: e.actorType,
      actor_id: e.actorId,
      action: e.type,
      entity_type: "contact",
      entity_id: e.entityId,
    });
    expect(rows.rows).toEqual([
      { ...base(created), field: "", old_value: null, new_value: { name: "Ana", tags: ["vip"] } },
      { ...base(updated), field: "tags", old_value: [], new_value: ["a"] },
      { ...base(updated), field: "title", old_value: null, new_value: "CEO" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../../platform/events/processor.js";
import { auditRowsFor } from "./audit.consumer.js";

const event = (payload: Record<string, unknown>): StoredEvent => ({
  workspaceId: "w",
  id: "e",
  seq: 1,
  txid: "1",
  type: "user.updated",
  entityType: "user",
  entityId: "u",
  actorType: "user",
  actorId: "a",
  payload,
  occurredAt: new Date(0),
});

describe("auditRowsFor", () => {
  it("writes one row per changed field with old and new values", () => {
    const rows = auditRowsFor(event({ changes: { role: { old: "member", new: "admin" }, name: { old: "A", new: "B" } } }));
    expect(rows.map((r) => [r.field, r.old_value, r.new_value])).toEqual([
      ["role", '"member"', '"admin"'],
      ["name", '"A"', '"B"'],
    ]);
  });

  it("writes one row with the snapshot for a creation", () => {
    const rows = auditRowsFor(event({ after: { name: "X" } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.field).toBe("");
    expect(rows[0]?.new_value).toBe('{"name":"X"}');
    expect(rows[0]?.old_value).toBeNull();
  });
});

import type { AuditEntry } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { groupByEvent, summariseValue } from "./history";

const entry = (eventId: string, field: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `${eventId}-${field}`,
  eventId,
  occurredAt: "2026-11-25T10:00:00.000Z",
  actorType: "user",
  actorId: null,
  actorName: "Alex Morgan",
  action: "contact.updated",
  entityType: "contact",
  entityId: "00000000-0000-0000-0000-000000000001",
  field,
  oldValue: null,
  newValue: null,
  ...extra,
});

describe("groupByEvent", () => {
  it("keeps one group per change with its fields", () => {
    const groups = groupByEvent([entry("a", "title"), entry("a", "tags"), entry("b", "", { action: "contact.created" })]);
    expect(groups.map((g) => [g.eventId, g.entries.map((e) => e.field)])).toEqual([
      ["a", ["title", "tags"]],
      ["b", []],
    ]);
  });
});

describe("summariseValue", () => {
  it("shortens values for a one-line history", () => {
    expect(summariseValue(["vip", "key account"])).toBe("vip, key account");
    expect(summariseValue([])).toBe("—");
    expect(summariseValue({ name: "Borealis" })).toBe("Borealis");
    expect(summariseValue("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
    expect(summariseValue(null)).toBe("—");
  });
});

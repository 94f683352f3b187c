import { describe, expect, it } from "vitest";
import { type RecordPanel, recordPanelsFor, registerRecordPanel } from "./record-panels";

const panel = (id: string, order: number, extra: Partial<RecordPanel> = {}): RecordPanel => ({
  id,
  title: id,
  entityTypes: ["contact"],
  order,
  component: () => null,
  ...extra,
});

describe("record panels", () => {
  it("lists a type's panels in order, without those the user may not see, and replaces by id", () => {
    registerRecordPanel(panel("test:b", 20));
    registerRecordPanel(panel("test:a", 10));
    registerRecordPanel(panel("test:company", 5, { entityTypes: ["company"] }));
    registerRecordPanel(panel("test:audit", 1, { requiredPermission: "audit.read" }));
    registerRecordPanel(panel("test:b", 5));
    const ids = (can: boolean) =>
      recordPanelsFor("contact", (p) => can || p === undefined)
        .map((p) => p.id)
        .filter((id) => id.startsWith("test:"));
    expect(ids(false)).toEqual(["test:b", "test:a"]);
    expect(ids(true)).toEqual(["test:audit", "test:b", "test:a"]);
  });
});

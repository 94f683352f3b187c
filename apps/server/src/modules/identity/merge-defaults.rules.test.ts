import { describe, expect, it } from "vitest";
import { defaultSide, defaultSurvivor, type MergeSide, resolveFields, unionValues } from "./merge-defaults.rules.js";

const side = (values: Record<string, unknown>, extra: Partial<MergeSide> = {}): MergeSide => ({
  updatedAt: "2026-01-01T00:00:00.000Z",
  source: null,
  values,
  ...extra,
});

describe("merge defaults", () => {
  it("keeps a value over an empty one, from either side", () => {
    expect(defaultSide("title", side({ title: null }), side({ title: "CEO" }))).toBe("merged");
    expect(defaultSide("title", side({ title: "CEO" }), side({ title: "" }))).toBe("survivor");
  });
  it("prefers the more complete spelling", () => {
    expect(defaultSide("firstName", side({ firstName: "J." }), side({ firstName: "John" }))).toBe("merged");
  });
  it("keeps the full given name over its nickname, whichever record is newer", () => {
    const newer = { updatedAt: "2026-06-01T00:00:00.000Z" };
    expect(defaultSide("firstName", side({ firstName: "William" }), side({ firstName: "Bill" }, newer))).toBe("survivor");
    expect(defaultSide("firstName", side({ firstName: "Bob" }), side({ firstName: "Robert" }))).toBe("merged");
  });
  it("prefers the more trusted source, then the newer record", () => {
    const imported = side({ title: "Buyer" }, { source: "import", updatedAt: "2026-05-01T00:00:00.000Z" });
    const typed = side({ title: "Head of Buying" }, { source: "manual" });
    expect(defaultSide("title", imported, typed)).toBe("merged");
    const newer = side({ title: "CTO" }, { updatedAt: "2026-06-01T00:00:00.000Z" });
    expect(defaultSide("title", side({ title: "CEO" }), newer)).toBe("merged");
    expect(defaultSide("title", newer, side({ title: "CEO" }))).toBe("survivor");
  });
  it("keeps the survivor's owner unless it has none", () => {
    const newer = side({ ownerId: "u2" }, { updatedAt: "2026-06-01T00:00:00.000Z" });
    expect(defaultSide("ownerId", side({ ownerId: "u1" }), newer)).toBe("survivor");
    expect(defaultSide("ownerId", side({ ownerId: null }), newer)).toBe("merged");
  });
  it("lets the user's choice win over the default", () => {
    const r = resolveFields(["title", "notes"], side({ title: null, notes: "a" }), side({ title: "CEO", notes: "b" }), {
      title: "survivor",
    });
    expect(r).toEqual({ title: "survivor", notes: "survivor" });
  });
  it("unions lists without case duplicates", () => {
    expect(unionValues(["VIP", "a"], ["vip", "b"])).toEqual(["VIP", "a", "b"]);
  });
  it("keeps the more complete record, then the older one", () => {
    const a = { ...side({ title: "x", notes: null }), id: "a", createdAt: "2026-02-01" };
    const b = { ...side({ title: "y", notes: "n" }), id: "b", createdAt: "2026-03-01" };
    expect(defaultSurvivor(a, b).id).toBe("b");
    expect(defaultSurvivor(a, { ...a, id: "c", createdAt: "2026-01-01" }).id).toBe("c");
  });
});

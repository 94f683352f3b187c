import { describe, expect, it } from "vitest";
import { applyCompanyRow, emptyCompany } from "./company-merge.rules.js";

describe("applyCompanyRow", () => {
  it("fills a new company and keeps the default owner when the row names none", () => {
    const next = applyCompanyRow(emptyCompany("u1"), { name: "Acme", domain: "acme.com", phones: [], tags: ["a"], custom: {} }, undefined);
    expect(next).toMatchObject({ name: "Acme", domain: "acme.com", owner_id: "u1", tags: ["a"] });
  });

  it("never clears stored values with absent cells, and adds phones and tags", () => {
    const stored = { ...emptyCompany(null), name: "Acme", industry: "Retail", phones: ["+1"], tags: ["x"], custom: { tier: "gold" } };
    const next = applyCompanyRow(stored, { name: "Acme Inc", phones: ["+2"], tags: ["x", "y"], custom: { size: 3 } }, "u2");
    expect(next).toMatchObject({ name: "Acme Inc", industry: "Retail", phones: ["+1", "+2"], tags: ["x", "y"], owner_id: "u2" });
    expect(next.custom).toEqual({ tier: "gold", size: 3 });
  });

  it("merges address parts into the first address", () => {
    const stored = { ...emptyCompany(null), name: "A", addresses: [{ street: "Main 1", city: "Berlin" }, { city: "Paris" }] };
    const next = applyCompanyRow(stored, { name: "A", phones: [], tags: [], custom: {}, address: { city: "Hamburg" } }, undefined);
    expect(next.addresses).toEqual([{ street: "Main 1", city: "Hamburg" }, { city: "Paris" }]);
  });
});

import { describe, expect, it } from "vitest";
import { filtersFromSearch, filtersToQuery, filtersToSearch, hasFilters } from "./deal-filters";

describe("deal filters", () => {
  it("round-trips through the address and keeps other parameters", () => {
    const params = filtersToSearch(
      { ownerId: "u1", closeFrom: "2026-12-01", rotting: true, q: "" },
      new URLSearchParams("pipeline=p1&ownerId=old"),
    );
    expect(params.toString()).toBe("pipeline=p1&ownerId=u1&closeFrom=2026-12-01&rotting=1");
    expect(filtersFromSearch(params)).toEqual({ ownerId: "u1", closeFrom: "2026-12-01", rotting: true });
  });

  it("becomes allow-listed API filters", () => {
    expect(filtersToQuery({ q: " acme ", companyId: "c1", closeFrom: "2026-12-01", closeTo: "2026-12-31", rotting: true })).toEqual({
      q: "acme",
      filter: {
        companyId: { eq: "c1" },
        expectedCloseDate: { gte: "2026-12-01", lte: "2026-12-31" },
        rotting: { eq: "true" },
      },
    });
    expect(filtersToQuery({})).toEqual({});
  });

  it("knows when nothing is filtered", () => {
    expect(hasFilters({ rotting: false, q: "" })).toBe(false);
    expect(hasFilters({ status: "won" })).toBe(true);
  });
});

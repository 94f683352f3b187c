import { describe, expect, it } from "vitest";
import { buildUrl, serialiseQuery } from "./build-url";

describe("buildUrl", () => {
  it("fills and encodes path parameters", () => {
    expect(buildUrl("/api/v1/users/{id}", { id: "a b/c" }, undefined)).toBe("/api/v1/users/a%20b%2Fc");
  });

  it("refuses a missing parameter instead of calling a wrong URL", () => {
    expect(() => buildUrl("/api/v1/teams/{id}", {}, undefined)).toThrow(/id/);
  });

  it("appends the query string", () => {
    expect(buildUrl("/api/v1/audit", undefined, { limit: 50, entityType: "team" })).toBe("/api/v1/audit?limit=50&entityType=team");
  });
});

describe("serialiseQuery", () => {
  it("skips undefined and null, repeats arrays and brackets nested filters", () => {
    expect(
      serialiseQuery({ q: undefined, cursor: null, tag: ["a", "b"], filter: { name: { eq: "Ada & co" } }, sort: "name,-createdAt" }),
    ).toBe("tag=a&tag=b&filter%5Bname%5D%5Beq%5D=Ada+%26+co&sort=name%2C-createdAt");
  });

  it("is empty for no query", () => {
    expect(serialiseQuery(undefined)).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { matchColumnMissing, matchedPeople, matchKeys } from "./match-keys.rules.js";

const values = {
  emails: ["ana@x.io", "a@y.io"],
  phones: ["+4930123"],
  identities: [
    { kind: "social" as const, value: "x:ana" },
    { kind: "external_id" as const, value: "hubspot:42" },
  ],
};

describe("match keys of a row", () => {
  it("are its emails, its phones or its external id, as chosen", () => {
    expect(matchKeys("email", values)).toEqual(["ana@x.io", "a@y.io"]);
    expect(matchKeys("phone", values)).toEqual(["+4930123"]);
    expect(matchKeys("externalId", values)).toEqual(["hubspot:42"]);
  });

  it("are none when the row has no external id (social handles are not external ids)", () => {
    expect(matchKeys("externalId", { ...values, identities: [{ kind: "social", value: "x:ana" }] })).toEqual([]);
  });
});

describe("people found by keys", () => {
  const old = { id: "p1" };
  const young = { id: "p2" };
  it("finds the oldest candidate holding the key, and nobody for keys held by non-candidates", () => {
    const found = matchedPeople(
      [
        ["hubspot:1", "p2"],
        ["hubspot:1", "p1"],
        ["hubspot:2", "p2"],
        ["hubspot:3", "hidden"],
      ],
      [old, young],
    );
    expect(found.get("hubspot:1")).toBe(old);
    expect(found.get("hubspot:2")).toBe(young);
    expect(found.has("hubspot:3")).toBe(false);
  });
});

describe("the column a match needs", () => {
  it("is required for external ids only", () => {
    expect(matchColumnMissing("externalId", ["firstName", "email"])).toBe(true);
    expect(matchColumnMissing("externalId", ["firstName", "externalId"])).toBe(false);
    expect(matchColumnMissing("email", ["firstName"])).toBe(false);
  });
});

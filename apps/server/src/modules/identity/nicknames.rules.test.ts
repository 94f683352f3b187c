import { describe, expect, it } from "vitest";
import { canonicalFirstName, sameGivenName } from "./nicknames.rules.js";

describe("nicknames", () => {
  it("knows the common English short forms", () => {
    expect(sameGivenName("bob", "robert")).toBe(true);
    expect(sameGivenName("bill", "william")).toBe(true);
    expect(sameGivenName("liz", "elizabeth")).toBe(true);
    expect(sameGivenName("peggy", "margaret")).toBe(true);
  });
  it("links two nicknames of one name and international forms", () => {
    expect(sameGivenName("bob", "rob")).toBe(true);
    expect(sameGivenName("aleksandr", "alex")).toBe(true);
    expect(sameGivenName("dmitrii", "dmitry")).toBe(true);
  });
  it("does not link unrelated names", () => {
    expect(sameGivenName("robert", "william")).toBe(false);
    expect(sameGivenName("anna", "hannah")).toBe(false);
  });
  it("gives one canonical name for blocking, the name itself when unknown", () => {
    expect(canonicalFirstName("bill")).toBe("william");
    expect(canonicalFirstName("zorro")).toBe("zorro");
  });
});

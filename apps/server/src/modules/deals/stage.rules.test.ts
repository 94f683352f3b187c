import { describe, expect, it } from "vitest";
import { daysSince, hasOpenStage, isRotting, isSameSet, needsRenumber, rankBetween, rotsAt } from "./stage.rules.js";

const day = 86_400_000;

describe("stage rules", () => {
  it("rots open deals only, after the stage's rotting days", () => {
    const entered = new Date("2026-01-01T00:00:00Z");
    expect(rotsAt("open", 10, entered)?.toISOString()).toBe("2026-01-11T00:00:00.000Z");
    expect(rotsAt("open", null, entered)).toBeNull();
    expect(rotsAt("won", 10, entered)).toBeNull();
    const at = new Date(entered.getTime() + 10 * day);
    expect(isRotting("open", at, at)).toBe(true);
    expect(isRotting("open", at, new Date(at.getTime() - 1))).toBe(false);
    expect(isRotting("won", at, at)).toBe(false);
    expect(isRotting("open", null, at)).toBe(false);
  });

  it("counts whole days in a stage", () => {
    const entered = new Date("2026-01-01T12:00:00Z");
    expect(daysSince(entered, new Date("2026-01-03T11:59:59Z"))).toBe(1);
    expect(daysSince(entered, new Date("2026-01-03T12:00:00Z"))).toBe(2);
    expect(daysSince(entered, new Date("2025-12-31T00:00:00Z"))).toBe(0);
  });

  it("checks stage sets and orders", () => {
    expect(hasOpenStage(["won", "lost"])).toBe(false);
    expect(hasOpenStage(["open", "won"])).toBe(true);
    expect(isSameSet(["a", "b", "c"], ["c", "a", "b"])).toBe(true);
    expect(isSameSet(["a", "b", "c"], ["c", "a"])).toBe(false);
    expect(isSameSet(["a", "b"], ["a", "a", "b"])).toBe(false);
    expect(isSameSet(["a", "b"], ["a", "x"])).toBe(false);
  });

  it("places cards between neighbours", () => {
    expect(rankBetween(null, null)).toBe(0);
    expect(rankBetween(null, 5)).toBe(5 - 1024);
    expect(rankBetween(5, null)).toBe(5 + 1024);
    expect(rankBetween(1, 2)).toBe(1.5);
    const tight = 1 + Number.EPSILON;
    expect(needsRenumber(rankBetween(1, tight), 1, tight)).toBe(true);
    expect(needsRenumber(1.5, 1, 2)).toBe(false);
  });
});

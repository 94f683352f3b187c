import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, WINDOW_MS } from "./sign-in-throttle.rules.js";

const t0 = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("sign-in throttle", () => {
  it("allows the free failures, then locks for 30 s, doubling", () => {
    let s = afterFailure(undefined, t0, 5);
    for (let i = 2; i <= 5; i++) s = afterFailure(s, t0, 5);
    expect(s.failures).toBe(5);
    expect(isLocked(s, t0)).toBe(0);
    s = afterFailure(s, t0, 5);
    expect(isLocked(s, t0)).toBe(30_000);
    s = afterFailure(s, t0, 5);
    expect(isLocked(s, t0)).toBe(60_000);
  });

  it("caps the lock at 15 minutes", () => {
    let s = afterFailure(undefined, t0, 1);
    for (let i = 0; i < 20; i++) s = afterFailure(s, t0, 1);
    expect(isLocked(s, t0)).toBe(15 * 60_000);
  });

  it("starts a new window after 15 minutes", () => {
    let s = afterFailure(undefined, t0, 5);
    for (let i = 0; i < 4; i++) s = afterFailure(s, t0, 5);
    s = afterFailure(s, at(WINDOW_MS + 1), 5);
    expect(s.failures).toBe(1);
    expect(s.lockedUntil).toBeNull();
  });

  it("reports no lock once it has expired", () => {
    let s = afterFailure(undefined, t0, 0);
    s = afterFailure(s, t0, 0);
    expect(isLocked(s, at(10 * 60_000))).toBe(0);
  });
});

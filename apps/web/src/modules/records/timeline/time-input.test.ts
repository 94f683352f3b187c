import { describe, expect, it } from "vitest";
import { formatDuration, fromLocalInput, toLocalInput } from "./time-input";

describe("datetime-local values", () => {
  it("round-trips a local time", () => {
    const date = new Date(2026, 10, 25, 9, 5);
    expect(toLocalInput(date)).toBe("2026-11-25T09:05");
    expect(fromLocalInput("2026-11-25T09:05")).toBe(date.toISOString());
  });

  it("refuses empty and broken values", () => {
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("2026-11-25")).toBeNull();
    expect(fromLocalInput("2026-19-45T99:99")).toBeNull();
  });
});

describe("formatDuration", () => {
  it("reads naturally", () => {
    expect(formatDuration(45)).toMatch(/^45\D/);
    expect(formatDuration(720)).toMatch(/^12\D/);
    expect(formatDuration(3600)).toMatch(/^1\D+$/);
    expect(formatDuration(3900)).toMatch(/^1\D+5\D+$/);
  });
});

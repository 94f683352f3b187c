import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("picks a unit in steps of 1024", () => {
    expect(formatBytes(820)).toMatch(/^820\D/);
    expect(formatBytes(12.5 * 1024)).toMatch(/^12[.,]5\s?kB$/);
    expect(formatBytes(3 * 1024 * 1024)).toMatch(/^3\s?MB$/);
    expect(formatBytes(-5)).toMatch(/^0\D/);
  });
});

import { describe, expect, it } from "vitest";
import { isTimeZone, monthPeriod, monthsOf, parsePeriod, periodContaining, quarterPeriod, shiftPeriod, todayIn } from "./period.rules.js";

describe("forecast periods", () => {
  it("reads months and quarters with their inclusive day ranges", () => {
    expect(parsePeriod("2026-02", "2026-11-29")).toEqual({ kind: "month", key: "2026-02", start: "2026-02-01", end: "2026-02-28" });
    expect(parsePeriod("2028-02", "2026-11-29")?.end).toBe("2028-02-29");
    expect(parsePeriod("2026-Q4", "2026-11-29")).toEqual({ kind: "quarter", key: "2026-Q4", start: "2026-10-01", end: "2026-12-31" });
    expect(parsePeriod("2026-Q1", "2026-11-29")?.end).toBe("2026-03-31");
  });

  it("resolves relative periods from today's date, across the year end", () => {
    expect(parsePeriod("this-quarter", "2026-11-29")?.key).toBe("2026-Q4");
    expect(parsePeriod("next-quarter", "2026-11-29")?.key).toBe("2027-Q1");
    expect(parsePeriod("last-quarter", "2026-02-01")?.key).toBe("2025-Q4");
    expect(parsePeriod("next-month", "2026-12-31")?.key).toBe("2027-01");
    expect(parsePeriod("this-month", "2026-12-31")?.key).toBe("2026-12");
  });

  it("refuses anything else", () => {
    for (const bad of ["2026-13", "2026-Q5", "2026-00", "Q4", "2026-q4", "tomorrow", ""]) expect(parsePeriod(bad, "2026-11-29")).toBeNull();
  });

  it("shifts periods and splits quarters into months", () => {
    expect(shiftPeriod(quarterPeriod(2026, 1), -1).key).toBe("2025-Q4");
    expect(shiftPeriod(monthPeriod(2026, 1), -13).key).toBe("2024-12");
    expect(monthsOf(periodContaining("quarter", "2026-05-17")).map((m) => m.key)).toEqual(["2026-04", "2026-05", "2026-06"]);
  });

  it("takes today in the workspace's time zone", () => {
    const instant = new Date("2026-12-31T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-12-31");
    expect(todayIn("Europe/Berlin", instant)).toBe("2027-01-01");
    expect(todayIn("America/New_York", instant)).toBe("2026-12-31");
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("UTC'; DROP TABLE deals; --")).toBe(false);
  });
});

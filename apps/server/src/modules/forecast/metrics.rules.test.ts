import { describe, expect, it } from "vitest";
import { conversionPercent, metricsByRep, metricsOf } from "./metrics.rules.js";

describe("sales metrics (hand-computed)", () => {
  // 3 won (EUR 1 000, 2 000, 3 000; cycles 10, 20, 30 days), 1 lost; 4 open EUR deals, 2 open USD.
  const closed = [
    { ownerId: "a", currency: "EUR", wonCount: 3, lostCount: 1, wonAmountMinor: 6_000, wonCycleDays: 60 },
    { ownerId: "b", currency: "USD", wonCount: 0, lostCount: 2, wonAmountMinor: 0, wonCycleDays: 0 },
  ];
  const open = [
    { ownerId: "a", currency: "EUR", openCount: 4 },
    { ownerId: "a", currency: "USD", openCount: 2 },
  ];

  it("win rate, average size, cycle and velocity", () => {
    const m = metricsOf("a", closed.slice(0, 1), open);
    expect(m.winRatePercent).toBe(75);
    expect(m.averageCycleDays).toBe(20);
    // velocity = 4 × 0.75 × 2 000 / 20 = 300 per day
    expect(m.byCurrency).toEqual([
      { currency: "EUR", averageWonMinor: 2_000, velocityPerDayMinor: 300, openCount: 4 },
      { currency: "USD", averageWonMinor: null, velocityPerDayMinor: null, openCount: 2 },
    ]);
  });

  it("all reps together: 3 won of 6 closed", () => {
    const m = metricsOf(null, closed, open);
    expect(m.winRatePercent).toBe(50);
    expect(m.wonCount).toBe(3);
    expect(m.lostCount).toBe(3);
    // 4 × 0.5 × 2 000 / 20 = 200
    expect(m.byCurrency[0]?.velocityPerDayMinor).toBe(200);
  });

  it("no closed deals: no rate, no cycle, no velocity", () => {
    const m = metricsOf("c", [], [{ ownerId: "c", currency: "EUR", openCount: 3 }]);
    expect(m).toEqual({
      ownerId: "c",
      wonCount: 0,
      lostCount: 0,
      winRatePercent: null,
      averageCycleDays: null,
      byCurrency: [{ currency: "EUR", averageWonMinor: null, velocityPerDayMinor: null, openCount: 3 }],
    });
  });

  it("orders reps by won deals", () => {
    expect(metricsByRep(closed, open).map((m) => [m.ownerId, m.winRatePercent])).toEqual([
      ["a", 75],
      ["b", 0],
    ]);
  });

  it("stage conversion", () => {
    expect(conversionPercent({ entered: 3, advanced: 2 })).toBe(66.7);
    expect(conversionPercent({ entered: 0, advanced: 0 })).toBeNull();
  });
});

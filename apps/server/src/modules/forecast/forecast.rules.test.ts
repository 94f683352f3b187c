import { describe, expect, it } from "vitest";
import { bucketOf, type Cell, foldForecast, quotaFor, weighted } from "./forecast.rules.js";

const A = "0190a000-0000-7000-8000-00000000000a";
const B = "0190a000-0000-7000-8000-00000000000b";
const T1 = "0190a000-0000-7000-8000-0000000000t1";
const T2 = "0190a000-0000-7000-8000-0000000000t2";

const cell = (
  ownerId: string | null,
  bucket: Cell["bucket"],
  amountMinor: number,
  probability: number,
  extra: Partial<Cell> = {},
): Cell => ({
  ownerId,
  region: "EMEA",
  currency: "EUR",
  bucket,
  count: 1,
  amountMinor,
  weightedMinor: bucket === "won" ? amountMinor : weighted(amountMinor, probability),
  ...extra,
});

describe("forecast buckets", () => {
  it("puts deals in buckets by status and stage probability", () => {
    expect(bucketOf("won", 0)).toBe("won");
    expect(bucketOf("lost", 90)).toBeNull();
    expect(bucketOf("open", 70)).toBe("commit");
    expect(bucketOf("open", 69)).toBe("best_case");
    expect(bucketOf("open", 30)).toBe("best_case");
    expect(bucketOf("open", 29)).toBe("pipeline");
  });

  it("rounds weighted amounts half up", () => {
    expect(weighted(1001, 50)).toBe(501); // 500.5 → 501
    expect(weighted(999, 10)).toBe(100); // 99.9 → 100
    expect(weighted(1004, 10)).toBe(100); // 100.4 → 100
  });
});

describe("folding a forecast (hand-computed)", () => {
  // Rep A: won 10 000; commit deal 5 000 @ 80 %; best case 3 000 @ 40 %; pipeline 2 000 @ 10 %.
  // Rep B: won 4 000 in USD; pipeline 1 001 EUR @ 50 %. An unassigned best-case deal 1 000 @ 30 % (APAC).
  const cells: Cell[] = [
    cell(A, "won", 10_000, 100),
    cell(A, "commit", 5_000, 80),
    cell(A, "best_case", 3_000, 40),
    cell(A, "pipeline", 2_000, 10),
    cell(B, "won", 4_000, 100, { currency: "USD" }),
    cell(B, "pipeline", 1_001, 50),
    cell(null, "best_case", 1_000, 30, { region: "APAC" }),
  ];
  const teamsOf = new Map([
    [A, [T1, T2]],
    [B, [T2]],
  ]);

  it("by rep: won, commit, best case, pipelines and attainment", () => {
    const { rows, total } = foldForecast({
      cells,
      groupBy: "rep",
      teamsOf,
      quotas: new Map([[A, new Map([["EUR", 40_000]])]]),
      totalQuotas: new Map([["EUR", 40_000]]),
      defaultCurrency: "EUR",
    });
    const a = rows.find((r) => r.key === A)?.figures;
    expect(a).toEqual([
      {
        currency: "EUR",
        closedWonMinor: 10_000,
        commitMinor: 15_000,
        bestCaseMinor: 18_000,
        openPipelineMinor: 10_000,
        weightedPipelineMinor: 4_000 + 1_200 + 200,
        wonCount: 1,
        openCount: 3,
        quotaMinor: 40_000,
        attainmentPercent: 25,
      },
    ]);
    const b = rows.find((r) => r.key === B)?.figures;
    expect(b?.map((f) => [f.currency, f.closedWonMinor, f.commitMinor, f.weightedPipelineMinor])).toEqual([
      ["EUR", 0, 0, 501],
      ["USD", 4_000, 4_000, 0],
    ]);
    expect(rows.find((r) => r.key === null)?.figures[0]?.bestCaseMinor).toBe(1_000);
    expect(total[0]).toMatchObject({
      currency: "EUR",
      closedWonMinor: 10_000,
      commitMinor: 15_000,
      bestCaseMinor: 19_000,
      openPipelineMinor: 12_001,
    });
    expect(total[0]?.weightedPipelineMinor).toBe(5_400 + 501 + 300);
    expect(total[1]).toMatchObject({ currency: "USD", closedWonMinor: 4_000, quotaMinor: null });
  });

  it("by team: a deal counts for each of its owner's teams, never twice in the total", () => {
    const { rows, total } = foldForecast({
      cells,
      groupBy: "team",
      teamsOf,
      quotas: new Map(),
      totalQuotas: new Map(),
      defaultCurrency: "EUR",
    });
    expect(rows.find((r) => r.key === T1)?.figures[0]?.bestCaseMinor).toBe(18_000);
    expect(rows.find((r) => r.key === T2)?.figures[0]?.bestCaseMinor).toBe(18_000);
    expect(rows.find((r) => r.key === null)?.figures[0]?.bestCaseMinor).toBe(1_000);
    expect(total[0]?.bestCaseMinor).toBe(19_000);
  });

  it("by region, and quota rows with no deals show at zero", () => {
    const { rows } = foldForecast({
      cells,
      groupBy: "region",
      teamsOf,
      quotas: new Map([["LATAM", new Map([["EUR", 500]])]]),
      totalQuotas: new Map(),
      defaultCurrency: "EUR",
    });
    expect(rows.find((r) => r.key === "APAC")?.figures[0]?.bestCaseMinor).toBe(1_000);
    expect(rows.find((r) => r.key === "LATAM")?.figures[0]).toMatchObject({ closedWonMinor: 0, quotaMinor: 500, attainmentPercent: 0 });
  });
});

describe("quotas of a period", () => {
  const q = (periodKind: "month" | "quarter", periodStart: string, amountMinor: number, currency = "EUR") => ({
    periodKind,
    periodStart,
    amountMinor,
    currency,
  });
  const months = ["2026-10-01", "2026-11-01", "2026-12-01"];

  it("takes the quarter's own quota over its months'", () => {
    expect(
      quotaFor([q("quarter", "2026-10-01", 900), q("month", "2026-10-01", 100)], { kind: "quarter", start: "2026-10-01" }, months),
    ).toEqual(new Map([["EUR", 900]]));
  });

  it("sums the months of a quarter without its own quota, per currency", () => {
    const got = quotaFor(
      [q("month", "2026-10-01", 100), q("month", "2026-11-01", 200), q("month", "2027-01-01", 999), q("month", "2026-12-01", 7, "USD")],
      { kind: "quarter", start: "2026-10-01" },
      months,
    );
    expect(got).toEqual(
      new Map([
        ["EUR", 300],
        ["USD", 7],
      ]),
    );
  });

  it("a month only takes its own quota", () => {
    expect(quotaFor([q("quarter", "2026-10-01", 900)], { kind: "month", start: "2026-10-01" }, ["2026-10-01"])).toEqual(new Map());
  });
});

/**
 * The forecast's arithmetic, free of SQL. The repository hands over small pre-aggregated
 * "cells" (one per owner × region × currency × bucket); these rules fold them into the rows
 * of a grouping (rep, team or region) and set them against quotas.
 *
 * Buckets of a period's deals:
 *  - won: won deals whose closing instant falls in the period;
 *  - commit / best_case / pipeline: open deals whose expected close date falls in the
 *    period, by their stage's probability (≥ COMMIT_PROBABILITY, ≥ BEST_CASE_PROBABILITY,
 *    below).
 * Figures: closed won = won; commit = won + commit bucket; best case = commit + best-case
 * bucket; open pipeline = all open; weighted pipeline = Σ over open deals of
 * round-half-up(amount × probability / 100).
 */
export const COMMIT_PROBABILITY = 70;
export const BEST_CASE_PROBABILITY = 30;

export type Bucket = "won" | "commit" | "best_case" | "pipeline";
export const BUCKETS: readonly Bucket[] = ["won", "commit", "best_case", "pipeline"];

/** Which buckets a measure adds up: also what its drill-down lists. */
export const MEASURE_BUCKETS = {
  closedWon: ["won"],
  commit: ["won", "commit"],
  bestCase: ["won", "commit", "best_case"],
  openPipeline: ["commit", "best_case", "pipeline"],
  weightedPipeline: ["commit", "best_case", "pipeline"],
} as const satisfies Record<string, readonly Bucket[]>;
export type Measure = keyof typeof MEASURE_BUCKETS;

export function bucketOf(status: "open" | "won" | "lost", probability: number): Bucket | null {
  if (status === "won") return "won";
  if (status === "lost") return null;
  if (probability >= COMMIT_PROBABILITY) return "commit";
  if (probability >= BEST_CASE_PROBABILITY) return "best_case";
  return "pipeline";
}

/** amount × probability / 100, rounded half up (the deal's weighted amount). */
export const weighted = (amountMinor: number, probability: number) => Math.floor((amountMinor * probability + 50) / 100);

export type Cell = {
  ownerId: string | null;
  region: string | null;
  currency: string;
  bucket: Bucket;
  count: number;
  amountMinor: number;
  weightedMinor: number;
};

export type Figures = {
  currency: string;
  closedWonMinor: number;
  commitMinor: number;
  bestCaseMinor: number;
  openPipelineMinor: number;
  weightedPipelineMinor: number;
  wonCount: number;
  openCount: number;
  quotaMinor: number | null;
  /** closed won / quota, percent with one decimal; null without a quota. */
  attainmentPercent: number | null;
};

export type GroupBy = "rep" | "team" | "region";
export type Row = { key: string | null; figures: Figures[] };

const empty = (currency: string): Figures => ({
  currency,
  closedWonMinor: 0,
  commitMinor: 0,
  bestCaseMinor: 0,
  openPipelineMinor: 0,
  weightedPipelineMinor: 0,
  wonCount: 0,
  openCount: 0,
  quotaMinor: null,
  attainmentPercent: null,
});

function add(f: Figures, c: Cell) {
  if (c.bucket === "won") {
    f.closedWonMinor += c.amountMinor;
    f.wonCount += c.count;
  } else {
    f.openPipelineMinor += c.amountMinor;
    f.weightedPipelineMinor += c.weightedMinor;
    f.openCount += c.count;
  }
  if (c.bucket === "won" || c.bucket === "commit") f.commitMinor += c.amountMinor;
  if (c.bucket !== "pipeline") f.bestCaseMinor += c.amountMinor;
}

/** A row's figures per currency; `defaultCurrency` first, then alphabetical. */
function figuresOf(cells: Cell[], quotas: Map<string, number>, defaultCurrency: string): Figures[] {
  const byCurrency = new Map<string, Figures>();
  const get = (currency: string) => {
    const found = byCurrency.get(currency);
    if (found) return found;
    const f = empty(currency);
    byCurrency.set(currency, f);
    return f;
  };
  for (const c of cells) add(get(c.currency), c);
  for (const [currency, amount] of quotas) {
    const f = get(currency);
    f.quotaMinor = amount;
    f.attainmentPercent = amount > 0 ? Math.round((f.closedWonMinor / amount) * 1000) / 10 : null;
  }
  return [...byCurrency.values()].sort((a, b) =>
    a.currency === defaultCurrency ? -1 : b.currency === defaultCurrency ? 1 : a.currency.localeCompare(b.currency),
  );
}

export type QuotaTotals = Map<string | null, Map<string, number>>;

/**
 * Folds cells into rows. Rep rows are keyed by owner (null: unassigned deals); region rows by
 * region (null: none); team rows by team, where a deal counts for every team its owner
 * belongs to (null: owners in no team, and unassigned deals). The total counts every deal
 * once. `quotas` maps a row key to its quota per currency.
 */
export function foldForecast(input: {
  cells: Cell[];
  groupBy: GroupBy;
  teamsOf: Map<string, string[]>;
  quotas: QuotaTotals;
  totalQuotas: Map<string, number>;
  defaultCurrency: string;
}): { rows: Row[]; total: Figures[] } {
  const groups = new Map<string | null, Cell[]>();
  const push = (key: string | null, c: Cell) => {
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  };
  for (const c of input.cells) {
    if (input.groupBy === "rep") push(c.ownerId, c);
    else if (input.groupBy === "region") push(c.region, c);
    else {
      const teams = c.ownerId ? (input.teamsOf.get(c.ownerId) ?? []) : [];
      if (teams.length === 0) push(null, c);
      for (const t of teams) push(t, c);
    }
  }
  // Targets without any deal yet still show up, at zero.
  for (const key of input.quotas.keys()) if (!groups.has(key)) groups.set(key, []);
  const rows = [...groups.entries()].map(([key, cells]) => ({
    key,
    figures: figuresOf(cells, input.quotas.get(key) ?? new Map(), input.defaultCurrency),
  }));
  return { rows, total: figuresOf(input.cells, input.totalQuotas, input.defaultCurrency) };
}

/**
 * The quota of a row for a period: the quota set for that period, or — for a quarter
 * without one — the sum of the quotas of its months. Per currency.
 */
export function quotaFor(
  quotas: { periodKind: "month" | "quarter"; periodStart: string; amountMinor: number; currency: string }[],
  period: { kind: "month" | "quarter"; start: string },
  monthStarts: string[],
): Map<string, number> {
  const out = new Map<string, number>();
  const exact = quotas.filter((q) => q.periodKind === period.kind && q.periodStart === period.start);
  const parts =
    exact.length > 0 || period.kind === "month"
      ? exact
      : quotas.filter((q) => q.periodKind === "month" && monthStarts.includes(q.periodStart));
  for (const q of parts) out.set(q.currency, (out.get(q.currency) ?? 0) + q.amountMinor);
  return out;
}

/**
 * Sales metrics of a rep (or everyone) over a period, from the deals closed in it and the
 * deals open now:
 *  - win rate = won / (won + lost), closed in the period;
 *  - average won deal size = Σ won amount / won count, per currency;
 *  - sales cycle = mean days from creation to winning, over the deals won in the period;
 *  - pipeline velocity (per day, per currency) = open deals × win rate × average won size
 *    / sales cycle days — how much the open pipeline is expected to yield per day;
 *  - stage conversion = of the deals that entered a stage in the period, the share that
 *    later reached a further stage of the pipeline (a later open stage or a won stage).
 */
export type ClosedAggregate = {
  ownerId: string | null;
  currency: string;
  wonCount: number;
  lostCount: number;
  wonAmountMinor: number;
  /** Σ over won deals of (closed_at − created_at) in days. */
  wonCycleDays: number;
};
export type OpenAggregate = { ownerId: string | null; currency: string; openCount: number };

export type CurrencyMetrics = { currency: string; averageWonMinor: number | null; velocityPerDayMinor: number | null; openCount: number };
export type RepMetrics = {
  ownerId: string | null;
  wonCount: number;
  lostCount: number;
  winRatePercent: number | null;
  averageCycleDays: number | null;
  byCurrency: CurrencyMetrics[];
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Metrics for one set of aggregates (already restricted to a rep, or all of them). */
export function metricsOf(ownerId: string | null, closed: ClosedAggregate[], open: OpenAggregate[]): RepMetrics {
  const wonCount = closed.reduce((s, c) => s + c.wonCount, 0);
  const lostCount = closed.reduce((s, c) => s + c.lostCount, 0);
  const winRate = wonCount + lostCount > 0 ? wonCount / (wonCount + lostCount) : null;
  const cycleDays = wonCount > 0 ? closed.reduce((s, c) => s + c.wonCycleDays, 0) / wonCount : null;
  const currencies = [...new Set([...closed.map((c) => c.currency), ...open.map((o) => o.currency)])].sort();
  const byCurrency = currencies.map((currency) => {
    const won = closed.filter((c) => c.currency === currency);
    const count = won.reduce((s, c) => s + c.wonCount, 0);
    const average = count > 0 ? won.reduce((s, c) => s + c.wonAmountMinor, 0) / count : null;
    const openCount = open.filter((o) => o.currency === currency).reduce((s, o) => s + o.openCount, 0);
    // A cycle shorter than a day still counts as one day: velocity stays finite.
    const velocity =
      average !== null && winRate !== null && cycleDays !== null ? (openCount * winRate * average) / Math.max(cycleDays, 1) : null;
    return {
      currency,
      averageWonMinor: average === null ? null : Math.round(average),
      velocityPerDayMinor: velocity === null ? null : Math.round(velocity),
      openCount,
    };
  });
  return {
    ownerId,
    wonCount,
    lostCount,
    winRatePercent: winRate === null ? null : round1(winRate * 100),
    averageCycleDays: cycleDays === null ? null : round1(cycleDays),
    byCurrency,
  };
}

/** Per rep (keys of both lists), sorted by won count then owner. */
export function metricsByRep(closed: ClosedAggregate[], open: OpenAggregate[]): RepMetrics[] {
  const owners = [...new Set([...closed.map((c) => c.ownerId), ...open.map((o) => o.ownerId)])];
  return owners
    .map((o) =>
      metricsOf(
        o,
        closed.filter((c) => c.ownerId === o),
        open.filter((x) => x.ownerId === o),
      ),
    )
    .sort((a, b) => b.wonCount - a.wonCount || String(a.ownerId).localeCompare(String(b.ownerId)));
}

export type StageConversion = { entered: number; advanced: number };
export const conversionPercent = (s: StageConversion) => (s.entered > 0 ? round1((s.advanced / s.entered) * 100) : null);

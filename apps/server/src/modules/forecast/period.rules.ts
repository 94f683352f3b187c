/**
 * Forecast periods: calendar months and quarters in the workspace's time zone. A period is a
 * range of calendar days [start, end] (both inclusive); deals count by their expected close
 * date (a plain date) or by their closing instant, which must fall between the start of
 * `start` and the start of the day after `end` in that time zone.
 */
export type PeriodKind = "month" | "quarter";
export type Period = { kind: PeriodKind; key: string; start: string; end: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
export const RELATIVE_PERIODS = ["this-month", "next-month", "this-quarter", "next-quarter", "last-quarter"] as const;

const pad = (n: number) => String(n).padStart(2, "0");
/** The last day of a month (month 1–12). */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: "month",
    key: `${year}-${pad(month)}`,
    start: `${year}-${pad(month)}-01`,
    end: `${year}-${pad(month)}-${lastDay(year, month)}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: "quarter",
    key: `${year}-Q${quarter}`,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(first + 2)}-${lastDay(year, first + 2)}`,
  };
}

/** Shifts a period by `n` periods of its kind (negative: back in time). */
export function shiftPeriod(p: Period, n: number): Period {
  const year = Number(p.start.slice(0, 4));
  const month = Number(p.start.slice(5, 7));
  const step = p.kind === "month" ? 1 : 3;
  const index = year * 12 + (month - 1) + n * step;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return p.kind === "month" ? monthPeriod(y, m) : quarterPeriod(y, (m - 1) / 3 + 1);
}

/** The period of kind `kind` that contains the calendar day `day` (YYYY-MM-DD). */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return kind === "month" ? monthPeriod(year, month) : quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
}

/**
 * Reads `2026-11`, `2026-Q4` or a relative name (`this-quarter`, `next-quarter`, …) given
 * today's date in the workspace's time zone. Null when the text is none of these.
 */
export function parsePeriod(text: string, today: string): Period | null {
  const m = MONTH.exec(text);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  const q = QUARTER.exec(text);
  if (q) return quarterPeriod(Number(q[1]), Number(q[2]));
  switch (text) {
    case "this-month":
      return periodContaining("month", today);
    case "next-month":
      return shiftPeriod(periodContaining("month", today), 1);
    case "this-quarter":
      return periodContaining("quarter", today);
    case "next-quarter":
      return shiftPeriod(periodContaining("quarter", today), 1);
    case "last-quarter":
      return shiftPeriod(periodContaining("quarter", today), -1);
    default:
      return null;
  }
}

/** The months of a period (one for a month, three for a quarter). */
export function monthsOf(p: Period): Period[] {
  if (p.kind === "month") return [p];
  const first = monthPeriod(Number(p.start.slice(0, 4)), Number(p.start.slice(5, 7)));
  return [first, shiftPeriod(first, 1), shiftPeriod(first, 2)];
}

/** Today's calendar date in a time zone (YYYY-MM-DD). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return /^[A-Za-z0-9_+\-/]{1,64}$/.test(timeZone);
  } catch {
    return false;
  }
}

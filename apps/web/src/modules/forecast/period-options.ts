import { forecastTexts as t } from "./forecast.texts";

/** The period picker: the relative periods, then the quarters of last, this and next year. */
export function periodOptions(today: Date = new Date()): { value: string; label: string }[] {
  const year = today.getFullYear();
  const relative = Object.entries(t.relativePeriods).map(([value, label]) => ({ value, label }));
  const quarters = [year - 1, year, year + 1].flatMap((y) => [1, 2, 3, 4].map((q) => ({ value: `${y}-Q${q}`, label: `Q${q} ${y}` })));
  return [...relative, ...quarters];
}

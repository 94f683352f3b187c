// Dates and times in the browser's locale (Intl with an undefined locale uses the user's).

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateTimeShort = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

export function formatDateTime(iso: string | Date): string {
  return dateTime.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** Compact, for dense tables: "11/25/26, 2:39 PM" (in the user's locale). */
export function formatDateTimeShort(iso: string | Date): string {
  return dateTimeShort.format(typeof iso === "string" ? new Date(iso) : iso);
}

export function formatDate(iso: string | Date): string {
  return dateOnly.format(typeof iso === "string" ? new Date(iso) : iso);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "5 minutes ago", "yesterday", "in 2 hours". */
export function formatRelativeTime(iso: string | Date, now: number = Date.now()): string {
  const time = (typeof iso === "string" ? new Date(iso) : iso).getTime();
  const seconds = Math.round((time - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return relative.format(0, "second");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date as the value of <input type="datetime-local"> ("2026-11-25T14:05"), in the user's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a datetime-local input as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const unitFormats = new Map<string, Intl.NumberFormat>();
function unit(value: number, name: "second" | "minute" | "hour"): string {
  let format = unitFormats.get(name);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: "unit", unit: name, unitDisplay: "short" });
    unitFormats.set(name, format);
  }
  return format.format(value);
}

/** "45 sec", "12 min", "1 hr 5 min" (in the user's locale): a call's or meeting's length. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return unit(seconds, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return unit(minutes, "minute");
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? unit(h, "hour") : `${unit(h, "hour")} ${unit(m, "minute")}`;
}

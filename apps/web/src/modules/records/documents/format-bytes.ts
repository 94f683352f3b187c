const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
const formats = new Map<string, Intl.NumberFormat>();

/** "820 byte", "12.5 kB", "3.1 MB" in the user's locale (binary steps of 1024). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  const unit = units[i] ?? "byte";
  let format = formats.get(unit);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: i === 0 ? 0 : 1 });
    formats.set(unit, format);
  }
  return format.format(value);
}

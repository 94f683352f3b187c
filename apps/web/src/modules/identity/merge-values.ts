/** Pure: a field value of the merge screen as one line of text. */
export function describeValue(
  field: string,
  value: unknown,
  names: { user(id: string): string | undefined; stage(s: string): string },
): string {
  if (value === null || value === undefined || value === "") return "";
  if (field === "ownerId" && typeof value === "string") return names.user(value) ?? value;
  if (field === "lifecycleStage" && typeof value === "string") return names.stage(value);
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        v && typeof v === "object"
          ? Object.values(v as Record<string, unknown>)
              .filter((x) => typeof x === "string" && x)
              .join(", ")
          : String(v),
      )
      .filter(Boolean)
      .join(" · ");
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(" · ");
  }
  if (typeof value === "boolean") return value ? "✓" : "✗";
  return String(value);
}

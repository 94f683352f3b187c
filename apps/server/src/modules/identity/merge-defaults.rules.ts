import { foldName } from "./identity-values.rules.js";
import { canonicalFirstNames, sameGivenName } from "./nicknames.rules.js";

/**
 * Pure: which record's value a merge keeps for each field when the user does not choose.
 * In order: a value beats an empty one (most complete); a longer value that extends the
 * other beats it ("J." → "John"); the record from the more trusted source wins; then the
 * more recently updated record. A given name and its nickname keep the full name (Robert
 * over Bob). Ownership is the exception: the survivor's owner stays
 * unless it has none (a merge should not silently hand a customer to someone else).
 */
export type Side = "survivor" | "merged";

export type MergeSide = {
  updatedAt: string;
  /** The record's `source` field (where the person came from). */
  source: string | null;
  values: Record<string, unknown>;
};

/** Sources ranked by trust: typed by a person beats captured beats bulk-loaded. */
const SOURCE_TRUST: Record<string, number> = { manual: 3, referral: 3, "trade show": 3, web: 2, form: 2, chat: 2, email: 2, import: 1 };

export function sourceTrust(source: string | null): number {
  if (source === null || source === "") return 2;
  return SOURCE_TRUST[source.toLowerCase()] ?? 2;
}

export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.keys(v as object).length === 0;
  return false;
}

function extends_(longer: unknown, shorter: unknown): boolean {
  if (typeof longer !== "string" || typeof shorter !== "string") return false;
  const s = shorter.replace(/\.$/, "").toLowerCase();
  return longer.length > shorter.length && longer.toLowerCase().startsWith(s);
}

export function defaultSide(field: string, survivor: MergeSide, merged: MergeSide): Side {
  const a = survivor.values[field];
  const b = merged.values[field];
  if (JSON.stringify(a) === JSON.stringify(b)) return "survivor";
  if (field === "ownerId") return isEmpty(a) && !isEmpty(b) ? "merged" : "survivor";
  if (isEmpty(b)) return "survivor";
  if (isEmpty(a)) return "merged";
  if (field === "firstName" && typeof a === "string" && typeof b === "string") {
    const [fa, fb] = [foldName(a), foldName(b)];
    const formal = (x: string) => canonicalFirstNames(x).includes(x);
    if (fa !== fb && sameGivenName(fa, fb) && formal(fa) !== formal(fb)) return formal(fb) ? "merged" : "survivor";
  }
  if (extends_(b, a)) return "merged";
  if (extends_(a, b)) return "survivor";
  const trust = sourceTrust(merged.source) - sourceTrust(survivor.source);
  if (trust !== 0) return trust > 0 ? "merged" : "survivor";
  return merged.updatedAt > survivor.updatedAt ? "merged" : "survivor";
}

/** The default choice for every field that differs, overridden by the user's choices. */
export function resolveFields(
  fields: string[],
  survivor: MergeSide,
  merged: MergeSide,
  chosen: Record<string, Side> = {},
): Record<string, Side> {
  const out: Record<string, Side> = {};
  for (const f of fields) out[f] = chosen[f] ?? defaultSide(f, survivor, merged);
  return out;
}

/** Fields merged as a union rather than chosen: nothing of either record is lost. */
export function unionValues(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const x of b) if (!out.some((o) => o.toLowerCase() === x.toLowerCase())) out.push(x);
  return out;
}

/**
 * The record that should survive by default: the more complete one, then the older one
 * (links from other systems usually point at the original).
 */
export function defaultSurvivor<T extends MergeSide & { id: string; createdAt: string }>(a: T, b: T): T {
  const filled = (x: T) => Object.values(x.values).filter((v) => !isEmpty(v)).length;
  if (filled(a) !== filled(b)) return filled(a) > filled(b) ? a : b;
  return a.createdAt <= b.createdAt ? a : b;
}

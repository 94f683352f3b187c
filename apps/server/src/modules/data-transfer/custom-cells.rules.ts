import { joinMulti, splitMulti } from "./csv-cells.rules.js";

/**
 * Custom field values as CSV cells and back. Money is written as "12.50 EUR" (major units
 * and the currency's own number of decimals), booleans as true/false, multi-selects joined
 * by "; "; everything else as stored. Parsing returns what `validateCustomValues` checks.
 */
type Def = { type: string };

const fractionDigits = (currency: string): number => {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

export function formatCustomCell(def: Def, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (def.type) {
    case "money": {
      const m = value as { amount?: unknown; currency?: unknown };
      if (typeof m.amount !== "number" || typeof m.currency !== "string") return "";
      const digits = fractionDigits(m.currency);
      const sign = m.amount < 0 ? "-" : "";
      const abs = Math.abs(m.amount)
        .toString()
        .padStart(digits + 1, "0");
      const major = digits ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
      return `${sign}${major} ${m.currency}`;
    }
    case "multi_select":
      return Array.isArray(value) ? joinMulti(value.map(String)) : "";
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

const TRUE = new Set(["true", "yes", "y", "1", "x", "ja", "oui", "sí", "si"]);
const FALSE = new Set(["false", "no", "n", "0", "nein", "non"]);
const MONEY = /^(-?)(\d+)(?:[.,](\d+))?\s*([A-Za-z]{3})$/;

/** A cell as the value the field stores; unparseable cells pass through for validation to reject. */
export function parseCustomCell(def: Def, cell: string): unknown {
  const v = cell.trim();
  switch (def.type) {
    case "boolean": {
      const lower = v.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : v;
    }
    case "multi_select":
      return splitMulti(v);
    case "money": {
      const m = MONEY.exec(v);
      if (!m) return v;
      const [, sign = "", whole = "", frac = "", code = ""] = m;
      const currency = code.toUpperCase();
      const digits = fractionDigits(currency);
      if (frac.length > digits) return v;
      const amount = Number(`${whole}${frac.padEnd(digits, "0")}`) * (sign ? -1 : 1);
      return { amount, currency };
    }
    default:
      return v;
  }
}

import type { CustomField } from "@rapport/contract";

/** What a custom field's input holds while editing (money in major units, e.g. 12.5 EUR). */
export type CustomInputValue = string | number | boolean | string[] | { amount: number | string; currency: string } | null;

/** Fraction digits of a currency ("EUR" → 2, "JPY" → 0), to convert to and from minor units. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function isMoney(v: unknown): v is { amount: number; currency: string } {
  return typeof v === "object" && v !== null && "amount" in v && "currency" in v;
}

/** The stored value (from the API) as the input's value. */
export function toInputValue(field: Pick<CustomField, "type">, stored: unknown, defaultCurrency: string): CustomInputValue {
  switch (field.type) {
    case "boolean":
      return stored === true;
    case "multi_select":
      return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === "string") : [];
    case "select":
      return typeof stored === "string" ? stored : null;
    case "number":
      return typeof stored === "number" ? stored : "";
    case "money":
      return isMoney(stored)
        ? { amount: stored.amount / 10 ** currencyDigits(stored.currency), currency: stored.currency }
        : { amount: "", currency: defaultCurrency };
    default:
      return typeof stored === "string" ? stored : stored == null ? "" : String(stored);
  }
}

/** The input's value as the API expects it; `null` clears the field. */
export function toStoredValue(field: Pick<CustomField, "type">, input: CustomInputValue): unknown {
  switch (field.type) {
    case "boolean":
      return input === true;
    case "multi_select":
      return Array.isArray(input) && input.length > 0 ? input : null;
    case "number": {
      if (input === "" || input === null) return null;
      const n = typeof input === "number" ? input : Number(input);
      return Number.isFinite(n) ? n : input;
    }
    case "money": {
      if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
      if (input.amount === "" || input.amount === null) return null;
      const amount = typeof input.amount === "number" ? input.amount : Number(input.amount);
      return { amount: Math.round(amount * 10 ** currencyDigits(input.currency)), currency: input.currency };
    }
    default:
      if (typeof input === "string") return input.trim() === "" ? null : input;
      return input ?? null;
  }
}

/** Whether a stored value counts as empty (not shown, "—"). */
export function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}

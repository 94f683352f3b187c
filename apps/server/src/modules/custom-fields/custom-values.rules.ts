import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

export type CustomFieldDefinition = {
  key: string;
  label: string;
  type: string;
  options: string[];
  required: boolean;
};

export type FieldError = { path: string; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Validates and normalises custom field values against their definitions. Unknown keys are
 * rejected; `null` clears a value. With `partial` (updates), missing required fields are
 * allowed because they keep their stored value.
 */
export function validateCustomValues(
  defs: CustomFieldDefinition[],
  values: Record<string, unknown>,
  opts: { partial: boolean; defaultCountry: string },
): { values: Record<string, unknown>; errors: FieldError[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    const path = `body.custom.${key}`;
    if (!def) {
      errors.push({ path, message: "no such custom field" });
      continue;
    }
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
      if (def.required) errors.push({ path, message: "required" });
      else out[key] = null;
      continue;
    }
    const r = normalise(def, value, opts.defaultCountry);
    if ("error" in r) errors.push({ path, message: r.error });
    else out[key] = r.value;
  }
  if (!opts.partial) {
    for (const def of defs) if (def.required && !(def.key in values)) errors.push({ path: `body.custom.${def.key}`, message: "required" });
  }
  return { values: out, errors };
}

function normalise(def: CustomFieldDefinition, v: unknown, defaultCountry: string): { value: unknown } | { error: string } {
  switch (def.type) {
    case "text":
      return typeof v === "string" && v.length <= 1000 ? { value: v.trim() } : { error: "text up to 1000 characters" };
    case "long_text":
      return typeof v === "string" && v.length <= 20_000 ? { value: v } : { error: "text up to 20000 characters" };
    case "number": {
      const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
      return typeof n === "number" && Number.isFinite(n) ? { value: n } : { error: "a number" };
    }
    case "money": {
      const m = v as { amount?: unknown; currency?: unknown };
      return typeof m === "object" && Number.isSafeInteger(m.amount) && typeof m.currency === "string" && /^[A-Z]{3}$/.test(m.currency)
        ? { value: { amount: m.amount, currency: m.currency } }
        : { error: "an object { amount: integer minor units, currency: ISO code }" };
    }
    case "date":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
        ? { value: v }
        : { error: "a date (YYYY-MM-DD)" };
    case "boolean":
      return typeof v === "boolean" ? { value: v } : { error: "true or false" };
    case "select":
      return typeof v === "string" && def.options.includes(v) ? { value: v } : { error: `one of: ${def.options.join(", ")}` };
    case "multi_select":
      return Array.isArray(v) && v.every((x) => typeof x === "string" && def.options.includes(x))
        ? { value: [...new Set(v as string[])] }
        : { error: `a list of: ${def.options.join(", ")}` };
    case "url": {
      if (typeof v !== "string") return { error: "a URL" };
      try {
        const u = new URL(v.trim());
        return u.protocol === "http:" || u.protocol === "https:" ? { value: u.toString() } : { error: "an http(s) URL" };
      } catch {
        return { error: "a URL" };
      }
    }
    case "email":
      return typeof v === "string" && EMAIL.test(v.trim()) ? { value: v.trim().toLowerCase() } : { error: "an email address" };
    case "phone": {
      const p = typeof v === "string" ? parsePhoneNumberFromString(v, defaultCountry as CountryCode) : undefined;
      return p?.isValid() ? { value: p.number } : { error: "a phone number" };
    }
    default:
      return { error: "unsupported field type" };
  }
}

import type { CustomField } from "@rapport/contract";
import { useState } from "react";
import { useMe } from "../../../platform/auth/use-me";
import { type CustomInputValue, toInputValue, toStoredValue } from "../custom-values";

/** Values of custom field inputs in a form, and their API shape (empty ones left out). */
export function useCustomInputs(fields: CustomField[] | undefined) {
  const me = useMe();
  const [values, setValues] = useState<Record<string, CustomInputValue>>({});
  const inputOf = (field: CustomField) => values[field.key] ?? toInputValue(field, undefined, me.workspace.defaultCurrency);
  const current = Object.fromEntries((fields ?? []).map((f) => [f.key, inputOf(f)]));
  const stored = () => {
    const out: Record<string, unknown> = {};
    for (const field of fields ?? []) {
      const value = toStoredValue(field, inputOf(field));
      // Unset booleans are "no answer", not false, unless the field is required.
      if (field.type === "boolean" && values[field.key] === undefined && !field.required) continue;
      if (value !== null) out[field.key] = value;
    }
    return out;
  };
  return {
    values: current,
    set: (key: string, value: CustomInputValue) => setValues((all) => ({ ...all, [key]: value })),
    stored,
  };
}

/**
 * A custom field key from its label, in the form the API accepts (`^[a-z][a-z0-9_]{0,62}$`):
 * "Customer code" → "customer_code", "Größe (cm)" → "grosse_cm", "2nd phone" → "f_2nd_phone".
 */
export function fieldKeyFromLabel(label: string): string {
  const base = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (base === "") return "";
  const key = /^[a-z]/.test(base) ? base : `f_${base}`;
  return key.slice(0, 63).replace(/_+$/, "");
}

export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

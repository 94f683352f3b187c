import { isApiError } from "./api-error";

/**
 * The server's message for one form field, if the last attempt failed validation on it.
 * Matches the field itself and anything below it ("memberIds" also matches "memberIds.3").
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const exact = error.fieldErrors[field];
  if (exact) return exact;
  const nested = Object.entries(error.fieldErrors).find(([path]) => path.startsWith(`${field}.`));
  return nested?.[1];
}

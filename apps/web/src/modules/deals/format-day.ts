import { formatDate } from "../../platform/format/date";

/**
 * A calendar day from the API ("2026-12-01") in the user's locale. Read as local noon, so no
 * time zone turns it into the day before.
 */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00`));
}

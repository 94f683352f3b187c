import { type AuditEntry, auditEndpoints } from "@rapport/contract";
import { useQuery } from "@tanstack/react-query";
import { apiCall } from "../../platform/api/api-client";

export const recentAuditKey = ["audit", "recent"] as const;

export type RecentChange = Pick<AuditEntry, "eventId" | "occurredAt" | "actorType" | "actorName" | "action" | "entityType"> & {
  fields: string[];
  /** The entity's name when the event touched a "name" field (e.g. "Sales DACH"). */
  entityName: string | null;
};

/** The latest audit entries folded into one line per event (an event changes several fields). */
export function useRecentChanges(enabled: boolean, max = 8) {
  return useQuery({
    queryKey: recentAuditKey,
    enabled,
    queryFn: async ({ signal }) => {
      const page = await apiCall(auditEndpoints.listAudit, { query: { limit: 50 }, signal });
      const byEvent = new Map<string, RecentChange>();
      for (const entry of page.items) {
        const change = byEvent.get(entry.eventId) ?? { ...entry, fields: [], entityName: null };
        change.fields.push(entry.field);
        if (entry.field === "name" || entry.field === "") {
          change.entityName ??= nameOf(entry.field, entry.newValue) ?? nameOf(entry.field, entry.oldValue);
        }
        byEvent.set(entry.eventId, change);
      }
      return [...byEvent.values()].slice(0, max);
    },
  });
}

/** The "name" field's value, or the name inside a whole-record value (created/deleted events). */
function nameOf(field: string, value: unknown): string | null {
  const name = field === "name" ? value : typeof value === "object" && value !== null ? (value as { name?: unknown }).name : null;
  return typeof name === "string" && name !== "" ? name : null;
}

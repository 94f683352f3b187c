import { auditEndpoints } from "@rapport/contract";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

/** The audit trail of one record, newest first. Under ["audit"], which Settings refreshes on every event. */
export function useRecordHistory(entityId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["audit", "record", entityId],
    queryFn: ({ pageParam, signal }) => apiCall(auditEndpoints.listAudit, { query: { limit: 15, cursor: pageParam, entityId }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    meta: { notifyErrors: false },
  });
}

import { auditEndpoints } from "@rapport/contract";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

export const auditKey = ["audit"] as const;

/** The audit trail, newest first, a page at a time ("Load more" follows nextCursor). */
export function useAuditTrail(filter: { entityType?: string }) {
  return useInfiniteQuery({
    queryKey: [...auditKey, "trail", filter],
    queryFn: ({ pageParam, signal }) =>
      apiCall(auditEndpoints.listAudit, {
        query: { limit: 50, cursor: pageParam, entityType: filter.entityType },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

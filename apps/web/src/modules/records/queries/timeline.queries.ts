import { type BodyOf, companyEndpoints, contactEndpoints, interactionEndpoints } from "@rapport/contract";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import type { RecordType } from "../record-types";
import { recordKeys } from "./records.queries";

/** A record's interactions, newest first, optionally of some channels only. */
export function useTimeline(type: RecordType, id: string, types: string[]) {
  return useInfiniteQuery({
    queryKey: recordKeys.timeline(type, id, types),
    queryFn: ({ pageParam, signal }) => {
      const query = { limit: 15, cursor: pageParam, ...(types.length > 0 ? { types: types.join(",") } : {}) };
      return type === "contact"
        ? apiCall(contactEndpoints.timeline, { params: { id }, query, signal })
        : apiCall(companyEndpoints.timeline, { params: { id }, query, signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    meta: { notifyErrors: false },
  });
}

/** An interaction shows on the timelines and in the summaries of people and companies. */
export function useLogInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BodyOf<typeof interactionEndpoints.create>; idempotencyKey: string }) =>
      apiCall(interactionEndpoints.create, { body, idempotencyKey }),
    onSuccess: () => {
      for (const type of ["contact", "company"] as const) {
        void queryClient.invalidateQueries({ queryKey: recordKeys.timelines(type) });
        void queryClient.invalidateQueries({ queryKey: recordKeys.summaries(type) });
        void queryClient.invalidateQueries({ queryKey: recordKeys.details(type) });
      }
    },
  });
}

export function useDeleteInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(interactionEndpoints.remove, { params: { id } }),
    onSuccess: () => {
      for (const type of ["contact", "company"] as const) {
        void queryClient.invalidateQueries({ queryKey: recordKeys.timelines(type) });
        void queryClient.invalidateQueries({ queryKey: recordKeys.summaries(type) });
      }
    },
  });
}

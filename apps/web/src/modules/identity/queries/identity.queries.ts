import { type BodyOf, identityEndpoints as ep, type QueryOf } from "@rapport/contract";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

/** Query keys of the module, all under ["identity"] so realtime events refresh them at once. */
export const identityKeys = {
  all: ["identity"] as const,
  queue: (status: string) => ["identity", "queue", status] as const,
  contact: (id: string) => ["identity", "contact", id] as const,
  preview: (survivorId: string, mergedId: string) => ["identity", "preview", survivorId, mergedId] as const,
  history: ["identity", "history"] as const,
  settings: ["identity", "settings"] as const,
  scan: ["identity", "scan"] as const,
};

export function useDuplicateQueue(query: Omit<QueryOf<typeof ep.listDuplicates>, "cursor"> = {}) {
  return useInfiniteQuery({
    queryKey: identityKeys.queue(query.status ?? "open"),
    queryFn: ({ signal, pageParam }) =>
      apiCall(ep.listDuplicates, { query: { limit: 50, ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContactDuplicates(contactId: string) {
  return useQuery({
    queryKey: identityKeys.contact(contactId),
    queryFn: ({ signal }) => apiCall(ep.contactDuplicates, { params: { id: contactId }, signal }),
  });
}

export function useMergePreview(survivorId: string, mergedId: string) {
  return useQuery({
    queryKey: identityKeys.preview(survivorId, mergedId),
    queryFn: ({ signal }) => apiCall(ep.previewMerge, { query: { survivorId, mergedId }, signal }),
    enabled: Boolean(survivorId && mergedId),
  });
}

export function useMergeHistory() {
  return useInfiniteQuery({
    queryKey: identityKeys.history,
    queryFn: ({ signal, pageParam }) =>
      apiCall(ep.listMerges, { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After a decision, everything about duplicates and the people involved may have changed. */
function useInvalidateAfterDecision() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: identityKeys.all });
    void queryClient.invalidateQueries({ queryKey: ["records"] });
  };
}

export function useMarkDistinct() {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({ mutationFn: (id: string) => apiCall(ep.markDistinct, { params: { id } }), onSuccess: invalidate });
}

export function useMerge() {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({ mutationFn: (body: BodyOf<typeof ep.createMerge>) => apiCall(ep.createMerge, { body }), onSuccess: invalidate });
}

export function useUndoMerge() {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({ mutationFn: (id: string) => apiCall(ep.undoMerge, { params: { id } }), onSuccess: invalidate });
}

export function useIdentitySettings() {
  return useQuery({ queryKey: identityKeys.settings, queryFn: ({ signal }) => apiCall(ep.getSettings, { signal }) });
}

export function useSaveIdentitySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof ep.updateSettings>) => apiCall(ep.updateSettings, { body }),
    onSuccess: (data) => queryClient.setQueryData(identityKeys.settings, data),
  });
}

/** The latest full scan; polled while one runs. */
export function useLatestScan() {
  return useQuery({
    queryKey: identityKeys.scan,
    queryFn: ({ signal }) => apiCall(ep.latestScan, { signal }),
    refetchInterval: (q) => (q.state.data?.scan && ["queued", "running"].includes(q.state.data.scan.status) ? 1500 : false),
  });
}

export function useStartScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(ep.startScan, {}),
    onSuccess: (scan) => queryClient.setQueryData(identityKeys.scan, { scan }),
  });
}

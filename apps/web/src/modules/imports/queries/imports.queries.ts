import { type BodyOf, importEndpoints as ep, type Import } from "@rapport/contract";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { isActive } from "../import-wizard.rules";

/** Query keys of the module, all under ["imports"] so an import's realtime events refresh them at once. */
export const importKeys = {
  all: ["imports"] as const,
  list: ["imports", "list"] as const,
  one: (id: string) => ["imports", "one", id] as const,
  errors: (id: string) => ["imports", "errors", id] as const,
};

/** Polling pace while an import runs: the realtime stream refreshes sooner when it is connected. */
const POLL_MS = 1000;

export function useImports() {
  return useInfiniteQuery({
    queryKey: importKeys.list,
    queryFn: ({ signal, pageParam }) => apiCall(ep.list, { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((i) => isActive(i.status))) ? POLL_MS * 3 : false),
  });
}

export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.one(id),
    queryFn: ({ signal }) => apiCall(ep.get, { params: { id }, signal }),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? POLL_MS : false),
  });
}

export function useImportErrors(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importKeys.errors(id),
    queryFn: ({ signal, pageParam }) =>
      apiCall(ep.errors, { params: { id }, query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Keeps the import in the cache as the server answered, and the list fresh. */
function useStore() {
  const queryClient = useQueryClient();
  return (imp: Import) => {
    queryClient.setQueryData(importKeys.one(imp.id), imp);
    void queryClient.invalidateQueries({ queryKey: importKeys.list });
    void queryClient.invalidateQueries({ queryKey: importKeys.errors(imp.id) });
  };
}

/**
 * Saves settings. The cache takes the change at once, so the next change (a keyboard user
 * moving through the selects) builds on it rather than on the answer still under way.
 */
export function useUpdateImport(id: string) {
  const store = useStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof ep.update>) => apiCall(ep.update, { params: { id }, body }),
    onMutate: (body) => queryClient.setQueryData<Import>(importKeys.one(id), (old) => (old ? { ...old, ...body } : old)),
    onSuccess: store,
    onError: () => void queryClient.invalidateQueries({ queryKey: importKeys.one(id) }),
  });
}

/** Starts the import, as a dry run or for real: the setting is saved first when it differs. */
export function useStartImport(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: async ({ current, dryRun }: { current: Import; dryRun: boolean }) => {
      if (current.dryRun !== dryRun || current.status !== "uploaded") {
        store(await apiCall(ep.update, { params: { id }, body: { dryRun } }));
      }
      return apiCall(ep.start, { params: { id } });
    },
    onSuccess: store,
  });
}

export function useUndoImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(ep.undo, { params: { id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["records"] });
    },
  });
}

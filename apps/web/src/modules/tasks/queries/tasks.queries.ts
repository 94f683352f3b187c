import { type CreateTaskBody, type MyTasks, type Task, taskEndpoints, timeZoneEndpoints, type UpdateTaskBody } from "@rapport/contract";
import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

/** Every query of the module lives under ["tasks"], which realtime task events invalidate. */
export const taskKeys = {
  all: ["tasks"] as const,
  mine: ["tasks", "mine"] as const,
  counts: ["tasks", "mine", "counts"] as const,
  list: (filters: Record<string, string>) => ["tasks", "list", filters] as const,
  feed: ["tasks", "calendar-feed"] as const,
  timeZone: ["tasks", "time-zone"] as const,
};

export function useMyTasks() {
  return useQuery({ queryKey: taskKeys.mine, queryFn: ({ signal }) => apiCall(taskEndpoints.mine, { signal }) });
}

export function useMyTaskCounts() {
  return useQuery({
    queryKey: taskKeys.counts,
    queryFn: ({ signal }) => apiCall(taskEndpoints.myCounts, { signal }),
    // "Overdue" moves with the clock, not only with changes.
    refetchInterval: 5 * 60_000,
    meta: { notifyErrors: false },
  });
}

/** A filtered, paged task list; `filters` are `filter[field][op]` → value pairs. */
export function useTaskList(filters: Record<string, string>, sort = "due") {
  return useInfiniteQuery({
    queryKey: [...taskKeys.list(filters), sort],
    queryFn: ({ pageParam, signal }) =>
      apiCall(taskEndpoints.list, { query: { ...filters, sort, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

const invalidateAll = (qc: QueryClient) => qc.invalidateQueries({ queryKey: taskKeys.all });

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskBody) => apiCall(taskEndpoints.create, { body }),
    onSuccess: () => invalidateAll(qc),
    meta: { notifyErrors: false },
  });
}

export function useUpdateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTaskBody }) => apiCall(taskEndpoints.update, { params: { id }, body }),
    onSuccess: () => invalidateAll(qc),
    meta: { notifyErrors: false },
  });
}

export function useDeleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(taskEndpoints.remove, { params: { id } }),
    onSuccess: () => invalidateAll(qc),
  });
}

/** Puts a task's new status into every cached list at once, so the checkbox answers before the server does. */
function patchCached(qc: QueryClient, id: string, status: Task["status"]) {
  const patch = (t: Task): Task => (t.id === id ? { ...t, status, completedAt: status === "done" ? new Date().toISOString() : null } : t);
  qc.setQueryData<MyTasks>(taskKeys.mine, (old) =>
    old
      ? {
          ...old,
          overdue: old.overdue.map(patch),
          dueToday: old.dueToday.map(patch),
          upcoming: old.upcoming.map(patch),
          noDate: old.noDate.map(patch),
        }
      : old,
  );
  qc.setQueriesData<{ pages: { items: Task[]; nextCursor: string | null }[]; pageParams: unknown[] }>(
    { queryKey: ["tasks", "list"] },
    (old) => (old ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map(patch) })) } : old),
  );
}

/** Complete or reopen, optimistically; a failure puts the cached lists back. */
export function useSetTaskDone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      apiCall(done ? taskEndpoints.complete : taskEndpoints.reopen, { params: { id } }),
    onMutate: async ({ id, done }) => {
      await qc.cancelQueries({ queryKey: taskKeys.all });
      const snapshot = qc.getQueriesData({ queryKey: taskKeys.all });
      patchCached(qc, id, done ? "done" : "open");
      return { snapshot };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.snapshot ?? []) qc.setQueryData(key, data);
    },
    onSettled: () => invalidateAll(qc),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: taskKeys.feed, queryFn: ({ signal }) => apiCall(taskEndpoints.getCalendarFeed, { signal }) });
}

export function useRotateCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(taskEndpoints.rotateCalendarFeed),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.feed }),
  });
}

export function useRevokeCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(taskEndpoints.revokeCalendarFeed),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.feed }),
  });
}

export function useMyTimeZone() {
  return useQuery({ queryKey: taskKeys.timeZone, queryFn: ({ signal }) => apiCall(timeZoneEndpoints.getMyTimeZone, { signal }) });
}

export function useSetMyTimeZone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: string | null) => apiCall(timeZoneEndpoints.setMyTimeZone, { body: { timeZone } }),
    // "Today" changes with the zone: every task query is stale.
    onSuccess: () => invalidateAll(qc),
  });
}

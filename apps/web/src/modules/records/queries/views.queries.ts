import type { ViewObject } from "@rapport/contract";
import { type BodyOf, type SavedView, viewEndpoints } from "@rapport/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

export const viewsKey = ["views"] as const;
const viewsOf = (type: ViewObject) => [...viewsKey, type] as const;

/** My views and the shared ones of an object. */
export function useSavedViews(type: ViewObject) {
  return useQuery({
    queryKey: viewsOf(type),
    queryFn: async ({ signal }): Promise<SavedView[]> => (await apiCall(viewEndpoints.list, { query: { objectType: type }, signal })).items,
    meta: { notifyErrors: false },
  });
}

export function useCreateView(type: ViewObject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof viewEndpoints.create>) => apiCall(viewEndpoints.create, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsOf(type) }),
  });
}

export function useUpdateView(type: ViewObject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof viewEndpoints.update> }) =>
      apiCall(viewEndpoints.update, { params: { id }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsOf(type) }),
  });
}

export function useDeleteView(type: ViewObject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(viewEndpoints.remove, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsOf(type) }),
  });
}

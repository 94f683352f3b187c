import { type BodyOf, type SavedView, viewEndpoints } from "@rapport/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import type { RecordType } from "../record-types";

export const viewsKey = ["views"] as const;
const viewsOf = (type: RecordType) => [...viewsKey, type] as const;

/** My views and the shared ones of an object. */
export function useSavedViews(type: RecordType) {
  return useQuery({
    queryKey: viewsOf(type),
    queryFn: async ({ signal }): Promise<SavedView[]> => (await apiCall(viewEndpoints.list, { query: { objectType: type }, signal })).items,
    meta: { notifyErrors: false },
  });
}

export function useCreateView(type: RecordType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof viewEndpoints.create>) => apiCall(viewEndpoints.create, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsOf(type) }),
  });
}

export function useUpdateView(type: RecordType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof viewEndpoints.update> }) =>
      apiCall(viewEndpoints.update, { params: { id }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsOf(type) }),
  });
}

export function useDeleteView(type: RecordType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(viewEndpoints.remove, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsOf(type) }),
  });
}

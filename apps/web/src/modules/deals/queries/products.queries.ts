import { type BodyOf, type Product, productEndpoints } from "@rapport/contract";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { productKeys } from "./deals.keys";

type ProductQuery = { q?: string; active?: "true" | "false" };

/** The catalogue a page at a time. */
export function useProducts(query: ProductQuery) {
  return useInfiniteQuery({
    queryKey: productKeys.list(query),
    queryFn: ({ pageParam, signal }) => apiCall(productEndpoints.list, { query: { ...query, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    meta: { notifyErrors: false },
  });
}

/** Active products matching a search, for the line item picker. */
export function useProductOptions(q: string) {
  const search = q.trim();
  return useQuery({
    queryKey: productKeys.options(search),
    queryFn: async ({ signal }): Promise<Product[]> =>
      (await apiCall(productEndpoints.list, { query: { limit: 20, active: "true", ...(search ? { q: search } : {}) }, signal })).items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    meta: { notifyErrors: false },
  });
}

export function useSaveProduct(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof productEndpoints.create>) =>
      id ? apiCall(productEndpoints.update, { params: { id }, body }) : apiCall(productEndpoints.create, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

export function useSetProductActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => apiCall(productEndpoints.update, { params: { id }, body: { active } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

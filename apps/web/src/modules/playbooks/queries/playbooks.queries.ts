import { type BodyOf, playbookEndpoints as ep, pipelineEndpoints } from "@rapport/contract";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

export const playbooksKey = ["playbooks"] as const;
export const dealPlaybookKey = (dealId: string) => ["playbooks", "deal", dealId] as const;

export function usePipelines() {
  return useQuery({
    queryKey: ["pipelines", "for-playbooks"],
    queryFn: ({ signal }) => apiCall(pipelineEndpoints.list, { query: {}, signal }),
  });
}

export function usePlaybooks() {
  return useQuery({ queryKey: playbooksKey, queryFn: ({ signal }) => apiCall(ep.list, { signal }) });
}

export function useVariant(id: string | undefined, region: string | null) {
  return useQuery({
    queryKey: [...playbooksKey, id, "variant", region],
    queryFn: ({ signal }) => apiCall(ep.getVariant, { params: { id: id as string, region: region as string }, signal }),
    enabled: Boolean(id && region),
  });
}

export function useComparison(id: string, a: string, b: string) {
  return useQuery({
    queryKey: [...playbooksKey, id, "compare", a, b],
    queryFn: ({ signal }) => apiCall(ep.compare, { params: { id }, query: { a, b }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDealPlaybook(dealId: string) {
  return useQuery({ queryKey: dealPlaybookKey(dealId), queryFn: ({ signal }) => apiCall(ep.forDeal, { params: { id: dealId }, signal }) });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: playbooksKey });
}

export function useCreatePlaybook() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: BodyOf<typeof ep.create>) => apiCall(ep.create, { body }), onSuccess: invalidate });
}

export function useUpdatePlaybook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof ep.update> }) => apiCall(ep.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function usePutVariant() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, region, body }: { id: string; region: string; body: BodyOf<typeof ep.putVariant> }) =>
      apiCall(ep.putVariant, { params: { id, region }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteVariant() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, region }: { id: string; region: string }) => apiCall(ep.deleteVariant, { params: { id, region } }),
    onSuccess: invalidate,
  });
}

/** The export is a file download: a plain link to the endpoint, sent with the session cookie. */
export const exportHref = (id: string, variant: string) => `/api/v1/playbooks/${id}/export.html?variant=${encodeURIComponent(variant)}`;

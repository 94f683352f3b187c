import { type BodyOf, type Pipeline, pipelineEndpoints } from "@rapport/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { dealKeys, pipelineKeys } from "./deals.keys";

/** The workspace's pipelines with their stages, in order (archived ones with `archived: "all"`). */
export function usePipelines(archived: "false" | "all" = "false") {
  return useQuery({
    queryKey: pipelineKeys.list(archived),
    queryFn: async ({ signal }): Promise<Pipeline[]> => (await apiCall(pipelineEndpoints.list, { query: { archived }, signal })).items,
    staleTime: 60_000,
    meta: { notifyErrors: false },
  });
}

/** A pipeline change also changes board columns and the stage names shown with deals. */
function useAfterPipelineChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: pipelineKeys.all });
    void queryClient.invalidateQueries({ queryKey: dealKeys.boards });
  };
}

export function useCreatePipeline() {
  const after = useAfterPipelineChange();
  return useMutation({
    mutationFn: (body: BodyOf<typeof pipelineEndpoints.create>) => apiCall(pipelineEndpoints.create, { body }),
    onSuccess: after,
  });
}

export function useUpdatePipeline(id: string) {
  const after = useAfterPipelineChange();
  return useMutation({
    mutationFn: (body: BodyOf<typeof pipelineEndpoints.update>) => apiCall(pipelineEndpoints.update, { params: { id }, body }),
    onSuccess: after,
  });
}

export function useArchivePipeline(id: string) {
  const after = useAfterPipelineChange();
  return useMutation({
    mutationFn: (archive: boolean) =>
      archive ? apiCall(pipelineEndpoints.archive, { params: { id } }) : apiCall(pipelineEndpoints.unarchive, { params: { id } }),
    onSuccess: after,
  });
}

export function useCreateStage(pipelineId: string) {
  const after = useAfterPipelineChange();
  return useMutation({
    mutationFn: (body: BodyOf<typeof pipelineEndpoints.createStage>) =>
      apiCall(pipelineEndpoints.createStage, { params: { id: pipelineId }, body }),
    onSuccess: after,
  });
}

export function useUpdateStage(pipelineId: string) {
  const after = useAfterPipelineChange();
  return useMutation({
    mutationFn: ({ stageId, body }: { stageId: string; body: BodyOf<typeof pipelineEndpoints.updateStage> }) =>
      apiCall(pipelineEndpoints.updateStage, { params: { id: pipelineId, stageId }, body }),
    onSuccess: after,
  });
}

export function useRemoveStage(pipelineId: string) {
  const after = useAfterPipelineChange();
  return useMutation({
    mutationFn: (stageId: string) => apiCall(pipelineEndpoints.removeStage, { params: { id: pipelineId, stageId } }),
    onSuccess: after,
  });
}

export function useReorderStages(pipelineId: string) {
  const after = useAfterPipelineChange();
  return useMutation({
    mutationFn: (stageIds: string[]) => apiCall(pipelineEndpoints.reorderStages, { params: { id: pipelineId }, body: { stageIds } }),
    onSuccess: after,
  });
}

import { type BodyOf, iamEndpoints } from "@rapport/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { meQueryKey } from "../../../platform/auth/me.query";

export const workspaceKey = ["workspace"] as const;

export function useWorkspace() {
  return useQuery({ queryKey: workspaceKey, queryFn: ({ signal }) => apiCall(iamEndpoints.getWorkspace, { signal }) });
}

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof iamEndpoints.updateWorkspace>) => apiCall(iamEndpoints.updateWorkspace, { body }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceKey, workspace);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

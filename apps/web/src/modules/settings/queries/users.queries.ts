import { type BodyOf, iamEndpoints } from "@rapport/contract";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { meQueryKey } from "../../../platform/auth/me.query";

export const usersKey = ["users"] as const;

/** Users of the workspace, optionally filtered by name or email on the server. */
export function useUsers(q = "", options: { enabled?: boolean } = {}) {
  const search = q.trim();
  return useQuery({
    queryKey: [...usersKey, "list", search],
    queryFn: ({ signal }) => apiCall(iamEndpoints.listUsers, { query: search ? { q: search } : {}, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof iamEndpoints.createUser>) => apiCall(iamEndpoints.createUser, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof iamEndpoints.updateUser> }) =>
      apiCall(iamEndpoints.updateUser, { params: { id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

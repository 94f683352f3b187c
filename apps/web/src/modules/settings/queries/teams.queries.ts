import { type BodyOf, iamEndpoints } from "@rapport/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { usersKey } from "./users.queries";

export const teamsKey = ["teams"] as const;

export function useTeams(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: teamsKey,
    queryFn: ({ signal }) => apiCall(iamEndpoints.listTeams, { signal }),
    enabled: options.enabled ?? true,
  });
}

/** Membership lives on both sides (team.memberIds, user.teamIds), so both lists refresh. */
function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: teamsKey });
    void queryClient.invalidateQueries({ queryKey: usersKey });
  };
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: (body: BodyOf<typeof iamEndpoints.createTeam>) => apiCall(iamEndpoints.createTeam, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof iamEndpoints.updateTeam> }) =>
      apiCall(iamEndpoints.updateTeam, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: (id: string) => apiCall(iamEndpoints.deleteTeam, { params: { id } }),
    onSuccess: invalidate,
  });
}

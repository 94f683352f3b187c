import { iamEndpoints, type User } from "@rapport/contract";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiCall } from "../../../platform/api/api-client";
import { usePermissions } from "../../../platform/auth/use-permissions";

/**
 * Everyone in the workspace, for owner pickers, @mentions and author names. Under ["users"], so
 * changes to users (realtime or Settings) refresh it too.
 */
export function useUserDirectory() {
  const { can } = usePermissions();
  const query = useQuery({
    queryKey: ["users", "directory"],
    queryFn: async ({ signal }): Promise<User[]> => (await apiCall(iamEndpoints.listUsers, { signal })).items,
    enabled: can("users.read"),
    staleTime: 5 * 60_000,
    meta: { notifyErrors: false },
  });
  const users = query.data;
  return useMemo(() => {
    const list = users ?? [];
    const byId = new Map(list.map((u) => [u.id, u]));
    return {
      users: list,
      active: list.filter((u) => u.active),
      byId,
      nameOf: (id: string | null | undefined) => (id ? byId.get(id)?.name : undefined),
      isLoading: query.isLoading,
    };
  }, [users, query.isLoading]);
}

import { iamEndpoints } from "@rapport/contract";
import { useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

export const rolesKey = ["roles"] as const;

/** Roles and their permissions; fixed per server version, so cached for long. */
export function useRoles() {
  return useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => apiCall(iamEndpoints.listRoles, { signal }),
    staleTime: 60 * 60_000,
  });
}

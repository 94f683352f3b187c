import { iamEndpoints, type Me } from "@rapport/contract";
import { queryOptions } from "@tanstack/react-query";
import { apiCall } from "../api/api-client";
import { isApiError } from "../api/api-error";

export const meQueryKey = ["me"] as const;

/** The signed-in user, workspace and permissions; `null` when nobody is signed in. */
export const meQueryOptions = queryOptions<Me | null>({
  queryKey: meQueryKey,
  queryFn: async ({ signal }) => {
    try {
      return await apiCall(iamEndpoints.me, { signal });
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

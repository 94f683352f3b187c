import { iamEndpoints } from "@rapport/contract";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../api/api-client";
import { isApiError } from "../api/api-error";

/**
 * Ends the session and loads the sign-in page afresh. The full page load (rather than a client
 * navigation) guarantees nothing of the previous user stays in memory: cached answers, the
 * realtime stream, palette results.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      try {
        await apiCall(iamEndpoints.signOut);
      } catch (error) {
        // Already signed out (session expired or revoked): nothing left to end.
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
    },
    onSuccess: () => window.location.replace("/sign-in"),
  });
}

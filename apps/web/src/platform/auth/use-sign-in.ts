import { type BodyOf, iamEndpoints } from "@rapport/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../api/api-client";
import { meQueryKey } from "./me.query";

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof iamEndpoints.signIn>) => apiCall(iamEndpoints.signIn, { body }),
    // The sign-in page shows its own errors inline.
    meta: { notifyErrors: false },
    onSuccess: (me) => {
      // Nothing cached before sign-in may leak into the new session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

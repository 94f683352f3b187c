import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "../platform/api/api-error";
import { meQueryKey } from "../platform/auth/me.query";
import { notifyError } from "../platform/feedback/notify";

declare module "@tanstack/react-query" {
  interface Register {
    /** `notifyErrors: false` when the component shows the error itself. */
    queryMeta: { notifyErrors?: boolean };
    mutationMeta: { notifyErrors?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== meQueryKey[0]) recheckSessionOn401(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        recheckSessionOn401(error);
        // Field errors are shown next to the fields; everything else as a notification.
        if (mutation.meta?.notifyErrors === false) return;
        if (isApiError(error) && error.hasFieldErrors) return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Client errors do not get better by asking again.
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });

  /** A 401 elsewhere may mean the session ended: ask /me (which sends the user to sign-in if so). */
  function recheckSessionOn401(error: unknown) {
    if (isApiError(error) && error.status === 401) void client.invalidateQueries({ queryKey: meQueryKey });
  }

  return client;
}

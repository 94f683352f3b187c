import { useQuery } from "@tanstack/react-query";
import { meQueryOptions } from "./me.query";

/** Session state: `me` is undefined while loading, null when signed out. */
export function useAuth() {
  const query = useQuery(meQueryOptions);
  return { me: query.data, isPending: query.isPending, error: query.error, refetch: query.refetch };
}

import type { Me } from "@rapport/contract";
import { useAuth } from "./use-auth";

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error("useMe() used outside of <RequireAuth>");
  return me;
}

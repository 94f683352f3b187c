import type { Permission } from "@rapport/contract";
import { useCallback, useMemo } from "react";
import { useAuth } from "./use-auth";

/** `can(p)` is true when the signed-in user holds p (or when p is undefined). */
export function usePermissions() {
  const { me } = useAuth();
  const granted = useMemo(() => new Set<Permission>(me?.permissions ?? []), [me]);
  const can = useCallback((permission?: Permission) => !permission || granted.has(permission), [granted]);
  return { can };
}

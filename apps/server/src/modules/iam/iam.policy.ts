import type { Me } from "@rapport/contract";
import { ROLE_INFO } from "../../platform/auth/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";

/** Which identity events a caller may see on the realtime stream. */
export function canSeeIamEvent(p: Principal, entityType: string): boolean {
  const perms = ROLE_INFO[p.role].permissions;
  switch (entityType) {
    case "user":
    case "team":
      return perms.includes("users.read");
    case "api_key":
      return perms.includes("api_keys.manage");
    case "workspace":
      return true;
    default:
      return false;
  }
}

export function permissionsOf(p: Principal): Pick<Me, "permissions" | "recordVisibility"> {
  const info = ROLE_INFO[p.role];
  return { permissions: info.permissions, recordVisibility: info.recordVisibility };
}

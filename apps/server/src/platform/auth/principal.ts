import type { Permission, Role } from "@rapport/contract";
import { forbidden } from "../http/problem.js";
import { can } from "./permissions.js";

/** Who is making a request: a signed-in user or an API key, always inside one workspace. */
export type Principal = {
  workspaceId: string;
  actorType: "user" | "api_key";
  /** The user's id, or the API key's id. */
  actorId: string;
  userId: string | null;
  role: Role;
  teamIds: string[];
  sessionId: string | null;
};

/** The author of a change, as recorded on events and in the audit trail. */
export type Actor = { workspaceId: string; type: "user" | "api_key" | "system"; id: string | null };

export function actorOf(p: Principal): Actor {
  return { workspaceId: p.workspaceId, type: p.actorType, id: p.actorId };
}

export function systemActor(workspaceId: string): Actor {
  return { workspaceId, type: "system", id: null };
}

export function requirePermission(p: Principal, permission: Permission): void {
  if (!can(p.role, permission)) throw forbidden();
}

import type { Permission, Role } from "@rapport/contract";

/**
 * What each built-in role may do, and which records it sees. Every module's policy asks
 * these questions; nothing else decides them.
 */
export type RecordVisibility = "all" | "team" | "own";

export const ROLE_INFO: Record<
  Role,
  { label: string; description: string; permissions: Permission[]; recordVisibility: RecordVisibility }
> = {
  admin: {
    label: "Administrator",
    description: "Everything, including users, roles, API keys, workspace settings and the audit trail.",
    permissions: [
      "workspace.manage",
      "users.read",
      "users.manage",
      "teams.manage",
      "api_keys.manage",
      "audit.read",
      "records.read",
      "records.write",
      "records.delete",
      "sales.manage",
    ],
    recordVisibility: "all",
  },
  manager: {
    label: "Manager",
    description: "Sees and edits every customer record of the workspace and manages teams.",
    permissions: ["users.read", "teams.manage", "records.read", "records.write", "records.delete", "sales.manage"],
    recordVisibility: "all",
  },
  member: {
    label: "Member",
    description: "Works on the records of their teams: sees and edits them, creates new ones.",
    permissions: ["users.read", "records.read", "records.write"],
    recordVisibility: "team",
  },
  read_only: {
    label: "Read-only",
    description: "Reads customer records; changes nothing.",
    permissions: ["users.read", "records.read"],
    recordVisibility: "all",
  },
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_INFO[role].permissions.includes(permission);
}

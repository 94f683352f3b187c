import type { Permission, Role } from "@rapport/contract";

/** Names of roles, permissions and record visibility, shared by every module that shows them. */
export const iamTexts = {
  roles: {
    admin: "Admin",
    manager: "Manager",
    member: "Member",
    read_only: "Read-only",
  } satisfies Record<Role, string>,
  permissions: {
    "workspace.manage": "Manage the workspace",
    "users.read": "See users",
    "users.manage": "Add and edit users",
    "teams.manage": "Manage teams",
    "api_keys.manage": "Manage API keys",
    "audit.read": "Read the audit trail",
    "records.read": "Read records",
    "records.write": "Create and edit records",
    "records.delete": "Delete records",
    "sales.manage": "Manage pipelines and products",
  } satisfies Record<Permission, string>,
  recordVisibility: {
    all: "All records",
    team: "Own and team's records",
    own: "Own records only",
  } as Record<string, string>,
};

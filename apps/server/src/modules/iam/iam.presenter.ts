import type { ApiKey, Team, User, Workspace } from "@rapport/contract";
import type { ApiKeyRow, TeamRow, UserRow, WorkspaceRow } from "./iam.repository.js";

const iso = (d: Date | string) => new Date(d).toISOString();

export const presentWorkspace = (w: WorkspaceRow): Workspace => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  defaultCurrency: w.default_currency,
  createdAt: iso(w.created_at),
});

export const presentUser = (u: UserRow, teamIds: string[]): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  teamIds,
  createdAt: iso(u.created_at),
  updatedAt: iso(u.updated_at),
});

export const presentTeam = (t: TeamRow, memberIds: string[]): Team => ({
  id: t.id,
  name: t.name,
  memberIds,
  createdAt: iso(t.created_at),
});

export const presentApiKey = (k: ApiKeyRow): ApiKey => ({
  id: k.id,
  name: k.name,
  role: k.role,
  createdAt: iso(k.created_at),
  lastUsedAt: k.last_used_at ? iso(k.last_used_at) : null,
  revokedAt: k.revoked_at ? iso(k.revoked_at) : null,
});

/** The fields of a user that events and the audit trail carry (never the password hash). */
export const userSnapshot = (u: Pick<UserRow, "email" | "name" | "role" | "active">) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
});

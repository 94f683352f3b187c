import type { Kysely, Transaction } from "kysely";
import { ROLE_INFO } from "../../platform/auth/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import { anyUuid } from "../../platform/db/any-uuid.js";
import type { DB } from "../../platform/db/schema.js";

/**
 * Which owners' records a principal sees: everyone's, or only those owned by itself or by a
 * teammate (plus unassigned records). Record modules apply this in their SQL on every read
 * path — get, list, filter, sort, search, counts, export, realtime.
 */
export type RecordVisibility = { all: true } | { all: false; ownerIds: string[] };

export async function recordVisibility(db: Kysely<DB> | Transaction<DB>, p: Principal): Promise<RecordVisibility> {
  const scope = ROLE_INFO[p.role].recordVisibility;
  if (scope === "all") return { all: true };
  if (!p.userId) return { all: false, ownerIds: [] };
  if (scope === "own" || p.teamIds.length === 0) return { all: false, ownerIds: [p.userId] };
  const rows = await db
    .selectFrom("team_members")
    .select("user_id")
    .distinct()
    .where("workspace_id", "=", p.workspaceId)
    .where("team_id", "=", anyUuid(p.teamIds))
    .execute();
  return { all: false, ownerIds: [...new Set([p.userId, ...rows.map((r) => r.user_id)])] };
}

export function canSeeOwner(v: RecordVisibility, ownerId: string | null): boolean {
  return v.all || ownerId === null || v.ownerIds.includes(ownerId);
}

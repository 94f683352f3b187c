import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { EventVisibilityRule } from "../../platform/events/visibility.js";
import { canSeeOwner, type RecordVisibility, recordVisibility } from "../iam/index.js";

/**
 * Who may do what with duplicates and merges. Reading the queue and merge history needs
 * records.read; merging, undoing and "not a duplicate" need records.write; the rules and
 * full scans are the administrators' (workspace.manage). On top, every pair and merge is
 * visible only to whoever sees BOTH people: enforced by the repository queries, which
 * leave other pairs out (404 for one asked by id).
 */
export const IDENTITY_PERMISSIONS = {
  read: "records.read",
  decide: "records.write",
  manage: "workspace.manage",
} as const;

/** Merge and duplicate events reach whoever sees both people involved. */
export function identityEventRule(db: Kysely<DB>): EventVisibilityRule {
  return async (p, e) => {
    const v: RecordVisibility = await recordVisibility(db, p);
    const owners = [e.payload.ownerId, e.payload.mergedOwnerId ?? e.payload.otherOwnerId].map((x) => (typeof x === "string" ? x : null));
    return owners.every((o) => canSeeOwner(v, o));
  };
}

import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { EventVisibilityRule } from "../../platform/events/visibility.js";
import { canSeeOwner, recordVisibility } from "../iam/index.js";

const ownerOf = (v: unknown) => (typeof v === "string" ? v : null);

/** A deal's events reach whoever sees the deal by its owner (before or after an owner change). */
export function dealEventRule(db: Kysely<DB>): EventVisibilityRule {
  return async (p, e) => {
    const v = await recordVisibility(db, p);
    return (
      canSeeOwner(v, ownerOf(e.payload.ownerId)) ||
      (e.payload.previousOwnerId !== undefined && canSeeOwner(v, ownerOf(e.payload.previousOwnerId)))
    );
  };
}

/** Pipelines and products are the workspace's shared configuration: every member sees their events. */
export const salesConfigEventRule: EventVisibilityRule = () => true;

import type { Kysely } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import type { EventVisibilityRule } from "../../platform/events/visibility.js";
import { canSeeOwner, recordVisibility } from "../iam/index.js";

/**
 * Who sees what: the forecast and metrics need records.read and count only the deals the
 * caller sees (own/team/all, like the deal list); quotas are set by sales.manage and seen
 * like their target (the user's owner visibility, or membership of the team).
 */
export function quotaEventRule(db: Kysely<DB>): EventVisibilityRule {
  return async (p: Principal, e) => {
    const teamId = typeof e.payload.teamId === "string" ? e.payload.teamId : null;
    const userId = typeof e.payload.userId === "string" ? e.payload.userId : null;
    const v = await recordVisibility(db, p);
    if (v.all) return true;
    if (teamId) return p.teamIds.includes(teamId);
    return userId !== null && canSeeOwner(v, userId);
  };
}

/** Forecast settings change for everyone alike. */
export const forecastSettingsEventRule: EventVisibilityRule = () => true;

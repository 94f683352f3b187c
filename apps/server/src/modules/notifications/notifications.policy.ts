import type { Principal } from "../../platform/auth/principal.js";
import type { StoredEvent } from "../../platform/events/processor.js";

/** A notification and its events belong to the one user it is for. */
export function canSeeNotificationEvent(p: Principal, e: StoredEvent): boolean {
  return p.userId !== null && e.payload.userId === p.userId;
}

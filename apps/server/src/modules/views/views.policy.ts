import { can } from "../../platform/auth/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { StoredEvent } from "../../platform/events/processor.js";
import { forbidden } from "../../platform/http/problem.js";
import type { ViewRow } from "./views.repository.js";

/** Who owns the views a principal saves: the user, or the API key acting on its own. */
export const viewOwnerOf = (p: Principal) => p.userId ?? p.actorId;

/** Sharing a view with the workspace is a change others see: it needs records.write. */
export function requireCanShare(p: Principal) {
  if (!can(p.role, "records.write")) throw forbidden("Your role can save personal views only.");
}

/** Only the owner changes a view; administrators may also remove shared ones. */
export function requireCanChange(p: Principal, view: ViewRow, action: "update" | "delete") {
  if (view.owner_id === viewOwnerOf(p)) return;
  if (action === "delete" && view.shared && can(p.role, "workspace.manage")) return;
  throw forbidden("Only the owner of a view can change it.");
}

/** A view's events reach its owner, and everyone while (or when it stops being) shared. */
export function canSeeViewEvent(p: Principal, e: StoredEvent): boolean {
  return e.payload.ownerId === viewOwnerOf(p) || e.payload.shared === true || e.payload.previouslyShared === true;
}

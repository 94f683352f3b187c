import type { SavedView, ViewDefinition } from "@rapport/contract";
import type { ViewRow } from "./views.repository.js";

export function presentView(v: ViewRow): SavedView {
  return {
    id: v.id,
    objectType: v.object_type,
    name: v.name,
    ownerId: v.owner_id,
    shared: v.shared,
    definition: v.definition as ViewDefinition,
    createdAt: new Date(v.created_at).toISOString(),
    updatedAt: new Date(v.updated_at).toISOString(),
  };
}

/** The audited fields of a view (events and the audit trail). */
export function viewSnapshot(v: SavedView) {
  return { objectType: v.objectType, name: v.name, shared: v.shared, definition: v.definition };
}

import type { Kysely } from "kysely";
import { can } from "../../../platform/auth/permissions.js";
import type { DB } from "../../../platform/db/schema.js";
import type { EventVisibilityRule } from "../../../platform/events/visibility.js";
import { importsRepository, importViewer } from "./imports.repository.js";

/**
 * Realtime: an import's events (its progress per batch, its undo) reach exactly those who
 * may read the import through the API — its uploader, and those who may delete records.
 */
export function importEventRule(db: Kysely<DB>): EventVisibilityRule {
  return async (p, e) => {
    if (!can(p.role, "records.write")) return false;
    const viewer = importViewer(p);
    return viewer.all || (await importsRepository.byId(db, p.workspaceId, e.entityId, viewer)) !== undefined;
  };
}

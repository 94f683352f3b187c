import type { RecordObject } from "@rapport/contract";
import type { Kysely } from "kysely";
import { type CacheInvalidation, WorkspaceCache } from "../../platform/db/cache-invalidation.js";
import type { DB } from "../../platform/db/schema.js";
import { type CustomFieldRow, customFieldsRepository } from "./custom-fields.repository.js";

/**
 * The custom field definitions of each workspace, kept in this server copy for read paths
 * (lists, records, field lists): every list request needs them to build its allow-list,
 * and they change rarely. Commands still read them in their own transaction, so a value
 * is always validated against the committed definitions. Decision 0014.
 */
export class CustomFieldDefinitions {
  private readonly cache: WorkspaceCache<readonly CustomFieldRow[]>;

  constructor(db: Kysely<DB>, invalidation: CacheInvalidation) {
    this.cache = new WorkspaceCache(invalidation, "custom_fields", (ws) => customFieldsRepository.list(db, ws));
  }

  /** In the repository's order (object type, position, label). */
  async list(workspaceId: string, objectType?: RecordObject): Promise<CustomFieldRow[]> {
    const all = await this.cache.get(workspaceId);
    return all.filter((d) => !objectType || d.object_type === objectType);
  }

  /** This copy's own changes take effect before the command answers. */
  changed(workspaceId: string) {
    this.cache.invalidate(workspaceId);
  }
}

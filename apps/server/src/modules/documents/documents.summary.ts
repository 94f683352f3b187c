import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { ENTITY_CODE, type SummaryContributor } from "../records/index.js";
import { documentsRepository } from "./documents.repository.js";

/** The documents part of the 360° summary (the records module checked the record's visibility). */
export function documentSummary(db: Kysely<DB>): SummaryContributor {
  return async (p, record) => ({
    documentCount: await documentsRepository.count(db, p.workspaceId, ENTITY_CODE[record.entityType], record.id),
  });
}

import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { ENTITY_CODE, type SummaryContributor } from "../records/index.js";
import { interactionsRepository } from "./interactions.repository.js";

/**
 * The interactions part of the 360° summary. The records module checked that the caller
 * sees the record; every interaction on it is then visible too.
 */
export function interactionSummary(db: Kysely<DB>): SummaryContributor {
  return async (p, record) => {
    const rows = await interactionsRepository.summary(db, p.workspaceId, ENTITY_CODE[record.entityType], record.id);
    const last = rows.reduce<Date | null>((max, r) => (!max || r.last > max ? r.last : max), null);
    return {
      interactionCount: rows.reduce((n, r) => n + r.n, 0),
      interactionsByType: Object.fromEntries(rows.map((r) => [r.type, r.n])),
      lastInteractionAt: last ? new Date(last).toISOString() : null,
    };
  };
}

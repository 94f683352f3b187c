import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { recordVisibility } from "../iam/index.js";
import type { SummaryContributor } from "../records/index.js";
import { dealsRepository } from "./deals.repository.js";

/**
 * The deals part of the 360° summary of a person (deals they are a contact of) or a company:
 * how many open deals the caller sees, and their value per currency.
 */
export function dealSummary(db: Kysely<DB>): SummaryContributor {
  return async (p, record) => {
    const rows = await dealsRepository.openValueOf(db, p.workspaceId, record.entityType, record.id, await recordVisibility(db, p));
    return {
      openDealCount: rows.reduce((n, r) => n + r.n, 0),
      openDealValue: rows.map((r) => ({ currency: r.currency, amountMinor: r.total })),
    };
  };
}

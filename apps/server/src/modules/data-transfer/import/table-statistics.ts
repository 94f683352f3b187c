import { type Kysely, sql } from "kysely";
import type { DB } from "../../../platform/db/schema.js";

/** The tables an import grows. */
const GROWN = ["contacts", "contact_companies", "companies", "search_tokens"] as const;

/**
 * Refreshes the planner's statistics of the tables an import grows, so lookups of the next
 * batches (and lists and exports right after) are planned for the tables' new size rather
 * than the size autovacuum last saw. Runs outside any batch transaction; without the
 * privilege PostgreSQL only warns.
 */
export async function refreshStatistics(db: Kysely<DB>) {
  for (const table of GROWN) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}

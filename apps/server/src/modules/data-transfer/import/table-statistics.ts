import { type Kysely, sql } from "kysely";
import type { DB } from "../../../platform/db/schema.js";

/** The tables an import grows, with the rows each gains per person created. */
const GROWN: Record<string, number> = { contacts: 1, contact_companies: 1, companies: 1, search_tokens: 10 };

/**
 * Keeps the planner's statistics of the tables an import grows up to date: a table that
 * grew by a tenth or more since it was last analysed (autovacuum's rule, without its delay)
 * is analysed after the batch, so the next batches' lookups — and lists and exports right
 * after — are planned for its new size (a link table grown from empty would otherwise still
 * be planned as empty: a sequential scan per person). Runs outside any batch transaction;
 * without the privilege PostgreSQL only warns.
 */
export class TableStatistics {
  private readonly added = new Map<string, number>();

  constructor(private readonly db: Kysely<DB>) {}

  /** After a batch: `created` people were added. */
  async grew(created: number) {
    if (created === 0) return;
    for (const [table, perPerson] of Object.entries(GROWN)) this.added.set(table, (this.added.get(table) ?? 0) + created * perPerson);
    const sizes = await sql<{ relname: string; rows: number }>`
      SELECT relname, greatest(reltuples, 0)::float8 AS rows FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relname = ANY(${Object.keys(GROWN)}::text[])`.execute(this.db);
    for (const t of sizes.rows) {
      if ((this.added.get(t.relname) ?? 0) * 10 < t.rows) continue;
      await sql`ANALYZE ${sql.table(t.relname)}`.execute(this.db);
      this.added.set(t.relname, 0);
    }
  }
}

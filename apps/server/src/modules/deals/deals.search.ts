import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { indexRecord, nameTokens, type ResolvedRecord, type SearchResolver } from "../search/index.js";
import { type DealRow, dealsRepository } from "./deals.repository.js";

/** Deals are found in the global search by the words of their name. */
export function indexDeal(tx: Transaction<DB>, ws: string, row: Pick<DealRow, "id" | "name">) {
  return indexRecord(tx, ws, "d", row.id, nameTokens(row.name));
}

/** A row of `searchRecords`, as search's statement returns it (JSON). */
type DealSearchRow = { id: string; name: string; company_id: string | null; company_name: string | null };

/** Resolves search hits to the live deals the caller may see, with their company as subtitle. */
export function dealSearchResolver(db: Kysely<DB>): SearchResolver {
  return {
    records: (ws, ids, visibility) => dealsRepository.searchRecords(db, ws, ids, visibility),
    present(row): ResolvedRecord {
      const d = row as DealSearchRow;
      return {
        id: d.id,
        title: d.name,
        subtitle: d.company_id ? d.company_name : null,
        fields: [{ field: "name", value: d.name }],
      };
    },
  };
}

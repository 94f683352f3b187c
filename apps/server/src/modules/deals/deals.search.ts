import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { recordVisibility } from "../iam/index.js";
import { indexRecord, nameTokens, type ResolvedRecord } from "../search/index.js";
import { type DealRow, dealsRepository } from "./deals.repository.js";

/** Deals are found in the global search by the words of their name. */
export function indexDeal(tx: Transaction<DB>, ws: string, row: Pick<DealRow, "id" | "name">) {
  return indexRecord(tx, ws, "d", row.id, nameTokens(row.name));
}

/** Resolves search hits to the live deals the caller may see, with their company as subtitle. */
export function dealSearchResolver(db: Kysely<DB>) {
  return async (principal: Principal, ids: string[]): Promise<ResolvedRecord[]> => {
    const ws = principal.workspaceId;
    const rows = await dealsRepository.byIds(db, ws, ids, await recordVisibility(db, principal));
    const companies = await dealsRepository.companyNames(
      db,
      ws,
      rows.flatMap((r) => (r.company_id ? [r.company_id] : [])),
    );
    return rows.map((d) => ({
      id: d.id,
      title: d.name,
      subtitle: d.company_id ? (companies.get(d.company_id) ?? null) : null,
      fields: [{ field: "name", value: d.name }],
    }));
  };
}

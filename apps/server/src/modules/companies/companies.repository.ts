import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from "kysely";
import type { CompaniesTable, DB } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";
import { ownerVisible } from "../records/index.js";
import { COMPANY_ALIAS } from "./companies.fields.js";

type Q = Kysely<DB> | Transaction<DB>;
export type CompanyRow = Selectable<CompaniesTable>;

/** SQL condition: the company (alias `co`) is visible to the caller. */
export function visibleCondition(v: RecordVisibility): RawBuilder<boolean> {
  return ownerVisible(COMPANY_ALIAS, v);
}

export const companiesRepository = {
  /** One company the caller may see (trashed ones too when asked), else undefined. */
  byId: (q: Q, ws: string, id: string, v: RecordVisibility, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}) => {
    let query = q
      .selectFrom("companies as co")
      .selectAll()
      .where("co.workspace_id", "=", ws)
      .where("co.id", "=", id)
      .where(visibleCondition(v));
    if (!opts.includeDeleted) query = query.where("co.deleted_at", "is", null);
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /**
   * What search shows of the visible companies in the uuid array `ids`: a SELECT that
   * search's one statement embeds (decision 0033), not run on its own.
   */
  searchRecords: (q: Q, ws: string, ids: RawBuilder<unknown>, v: RecordVisibility) =>
    q
      .selectFrom("companies as co")
      .select(["co.id", "co.name", "co.domain", "co.industry", "co.phones", "co.tags"])
      .where("co.workspace_id", "=", ws)
      .where(sql<boolean>`co.id = ANY(${ids})`)
      .where("co.deleted_at", "is", null)
      .where(visibleCondition(v)),
};

import type { Kysely, RawBuilder, Selectable, Transaction } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
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

  /** Live companies the caller may see among `ids`. */
  byIds: (q: Q, ws: string, ids: string[], v: RecordVisibility) =>
    ids.length === 0
      ? Promise.resolve([] as CompanyRow[])
      : q
          .selectFrom("companies as co")
          .selectAll()
          .where("co.workspace_id", "=", ws)
          .where("co.id", "=", anyUuid(ids))
          .where("co.deleted_at", "is", null)
          .where(visibleCondition(v))
          .execute(),
};

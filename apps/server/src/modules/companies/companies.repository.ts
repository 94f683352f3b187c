import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
import { isoText, onlyKeysJson } from "../../platform/db/list-query/index.js";
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
  /**
   * A list item (alias `co`) as JSON built by PostgreSQL: the fields, order and values of
   * `presentCompany`, with `peopleCount` (an expression over `co`) and only the custom values
   * of `visibleCustomKeys` (decision 0029; companies.int.test.ts compares the two).
   */
  listItemJson: (visibleCustomKeys: string[], peopleCount: RawBuilder<number>): RawBuilder<unknown> =>
    sql`(SELECT row_to_json(i) FROM (SELECT
           co.id, co.name, co.domain, co.industry, co.size, co.employees, co.region, co.country, co.phones, co.addresses,
           co.social, co.lifecycle_stage AS "lifecycleStage", co.source, co.owner_id AS "ownerId", co.tags, co.notes,
           ${onlyKeysJson(sql`co.custom`, visibleCustomKeys)} AS custom, ${peopleCount} AS "peopleCount",
           ${isoText(sql`co.last_interaction_at`)} AS "lastInteractionAt", ${isoText(sql`co.created_at`)} AS "createdAt",
           ${isoText(sql`co.updated_at`)} AS "updatedAt", ${isoText(sql`co.deleted_at`)} AS "deletedAt") AS i)`,
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

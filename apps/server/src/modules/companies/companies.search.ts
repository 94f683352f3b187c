import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { nationalNumber } from "../contacts/index.js";
import type { CustomFieldRow } from "../custom-fields/index.js";
import {
  domainTokens,
  nameTokens,
  phoneTokens,
  type ResolvedRecord,
  type SearchResolver,
  type Token,
  tagTokens,
  textTokens,
} from "../search/index.js";
import { type CompanyRow, companiesRepository } from "./companies.repository.js";

/** The search tokens of a company: name words, domain, phones, tags, text custom fields. */
export function companyTokens(
  c: Pick<CompanyRow, "name" | "domain" | "phones" | "tags" | "custom">,
  customDefs: CustomFieldRow[],
): Token[] {
  const textKeys = customDefs.filter((d) => d.type === "text" || d.type === "long_text").map((d) => d.key);
  return [
    ...nameTokens(c.name),
    ...(c.domain ? domainTokens(c.domain) : []),
    ...c.phones.flatMap((p) => phoneTokens(p, nationalNumber(p))),
    ...tagTokens(c.tags),
    ...textKeys.flatMap((k) => (typeof c.custom[k] === "string" ? textTokens(c.custom[k] as string) : [])),
  ];
}

/** A row of `searchRecords`, as search's statement returns it (JSON). */
type CompanySearchRow = Pick<CompanyRow, "id" | "name" | "domain" | "industry" | "phones" | "tags">;

/** Resolves search hits to the companies the caller may see. */
export function companySearchResolver(db: Kysely<DB>): SearchResolver {
  return {
    records: (ws, ids, visibility) => companiesRepository.searchRecords(db, ws, ids, visibility),
    present(row): ResolvedRecord {
      const c = row as CompanySearchRow;
      return {
        id: c.id,
        title: c.name,
        subtitle: c.domain ?? c.industry,
        fields: [
          { field: "name", value: c.name },
          ...(c.domain ? [{ field: "domain", value: c.domain }] : []),
          ...c.phones.map((value) => ({ field: "phone", value })),
          ...c.tags.map((value) => ({ field: "tag", value })),
        ],
      };
    },
  };
}

import type { Kysely } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { nationalNumber } from "../contacts/index.js";
import type { CustomFieldRow } from "../custom-fields/index.js";
import { recordVisibility } from "../iam/index.js";
import { domainTokens, nameTokens, phoneTokens, type ResolvedRecord, type Token, tagTokens, textTokens } from "../search/index.js";
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

/** Resolves search hits to the companies the caller may see. */
export function companySearchResolver(db: Kysely<DB>) {
  return async (principal: Principal, ids: string[]): Promise<ResolvedRecord[]> => {
    const rows = await companiesRepository.byIds(db, principal.workspaceId, ids, await recordVisibility(db, principal));
    return rows.map((c) => ({
      id: c.id,
      title: c.name,
      subtitle: c.domain ?? c.industry,
      fields: [
        { field: "name", value: c.name },
        ...(c.domain ? [{ field: "domain", value: c.domain }] : []),
        ...c.phones.map((value) => ({ field: "phone", value })),
        ...c.tags.map((value) => ({ field: "tag", value })),
      ],
    }));
  };
}

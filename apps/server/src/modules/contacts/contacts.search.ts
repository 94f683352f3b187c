import type { Kysely } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import type { CustomFieldRow } from "../custom-fields/index.js";
import { recordVisibility } from "../iam/index.js";
import { emailTokens, nameTokens, phoneTokens, type ResolvedRecord, type Token, tagTokens, textTokens } from "../search/index.js";
import { nationalNumber } from "./contact-values.rules.js";
import { type ContactRow, contactsRepository } from "./contacts.repository.js";

/** The search tokens of a contact: names, emails, phones, tags, text custom fields. */
export function contactTokens(
  c: Pick<ContactRow, "first_name" | "last_name" | "emails" | "phones" | "tags" | "custom">,
  customDefs: CustomFieldRow[],
): Token[] {
  const textKeys = customDefs.filter((d) => d.type === "text" || d.type === "long_text").map((d) => d.key);
  return [
    ...nameTokens(c.first_name, c.last_name),
    ...c.emails.flatMap(emailTokens),
    ...c.phones.flatMap((p) => phoneTokens(p, nationalNumber(p))),
    ...tagTokens(c.tags),
    ...textKeys.flatMap((k) => (typeof c.custom[k] === "string" ? textTokens(c.custom[k] as string) : [])),
  ];
}

/** Resolves search hits to the contacts the caller may see. */
export function contactSearchResolver(db: Kysely<DB>) {
  return async (principal: Principal, ids: string[]): Promise<ResolvedRecord[]> => {
    const rows = await contactsRepository.searchRows(db, principal.workspaceId, ids, await recordVisibility(db, principal));
    return rows.map((c) => {
      const company = c.company_name;
      return {
        id: c.id,
        title: c.name,
        subtitle: [c.title, company].filter(Boolean).join(" · ") || c.emails[0] || null,
        fields: [
          { field: "name", value: c.name },
          ...c.emails.map((value) => ({ field: "email", value })),
          ...c.phones.map((value) => ({ field: "phone", value })),
          ...c.tags.map((value) => ({ field: "tag", value })),
        ],
      };
    });
  };
}

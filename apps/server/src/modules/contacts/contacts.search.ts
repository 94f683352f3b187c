import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { CustomFieldRow } from "../custom-fields/index.js";
import {
  emailTokens,
  nameTokens,
  phoneTokens,
  type ResolvedRecord,
  type SearchResolver,
  type Token,
  tagTokens,
  textTokens,
} from "../search/index.js";
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

/** A row of `searchRecords`, as search's statement returns it (JSON). */
type ContactSearchRow = {
  id: string;
  name: string;
  title: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
  company_name: string | null;
};

/** Resolves search hits to the contacts the caller may see. */
export function contactSearchResolver(db: Kysely<DB>): SearchResolver {
  return {
    records: (ws, ids, visibility) => contactsRepository.searchRecords(db, ws, ids, visibility),
    present(row): ResolvedRecord {
      const c = row as ContactSearchRow;
      return {
        id: c.id,
        title: c.name,
        subtitle: [c.title, c.company_name].filter(Boolean).join(" · ") || c.emails[0] || null,
        fields: [
          { field: "name", value: c.name },
          ...c.emails.map((value) => ({ field: "email", value })),
          ...c.phones.map((value) => ({ field: "phone", value })),
          ...c.tags.map((value) => ({ field: "tag", value })),
        ],
      };
    },
  };
}

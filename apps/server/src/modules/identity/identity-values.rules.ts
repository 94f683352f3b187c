import anyAscii from "any-ascii";
import { doubleMetaphone } from "double-metaphone";
import { canonicalFirstName } from "./nicknames.rules.js";

/**
 * Pure: how names, emails and companies are reduced to comparable forms, and the blocking
 * keys of a person (only people sharing a key are ever compared).
 */
export type PersonProfile = {
  id: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  /** Names of the person's companies, as written. */
  companies: string[];
  /** "system:id" of external ids. */
  externalIds: string[];
};

const NOT_PRINTABLE_ASCII = /[^ -~]/;
/** Transliteration to ASCII; plain ASCII (most names) skips the table lookups. */
const ascii = (s: string) => (NOT_PRINTABLE_ASCII.test(s) ? anyAscii(s) : s);

/** Latin letters only, lower-case: "Zoë", "Зоя" and "ZOE " fold to comparable forms. */
export function foldName(name: string): string {
  return ascii(name)
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

/** Each word of a name folded (for "Mary Ann" or "van der Berg"). */
export function nameWords(name: string): string[] {
  return ascii(name)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/**
 * The address a mailbox really delivers to: lower-cased, without a "+tag", and for Gmail
 * without dots in the local part (they are ignored there).
 */
export function canonicalEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return email.trim().toLowerCase();
  let local = email.slice(0, at).trim().toLowerCase();
  let domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") local = local.replace(/\./g, "");
  return `${local}@${domain}`;
}

const COMPANY_SUFFIXES = new Set([
  "inc",
  "incorporated",
  "ltd",
  "limited",
  "llc",
  "llp",
  "plc",
  "corp",
  "corporation",
  "co",
  "company",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "oy",
  "ab",
  "as",
  "kg",
  "pty",
  "group",
  "holding",
  "holdings",
  "the",
]);

/** "ACME, Inc." and "Acme Incorporated" are the same company for matching. */
export function companyKey(name: string): string {
  return nameWords(name.replace(/&/g, " and "))
    .filter((w) => !COMPANY_SUFFIXES.has(w))
    .join("");
}

/**
 * Codes already computed: names repeat (a few hundred given names and tens of thousands of
 * surnames cover most of a million people) and Double Metaphone was most of the key phase's
 * CPU. Bounded: emptied when full, so memory stays flat over any number of people.
 */
const PHONETIC_CACHE_SIZE = 100_000;
const phoneticCache = new Map<string, string>();

/** The primary Double Metaphone code of a folded word ("" for an empty one). */
export function phonetic(folded: string): string {
  if (!folded) return "";
  const known = phoneticCache.get(folded);
  if (known !== undefined) return known;
  const code = doubleMetaphone(folded)[0];
  if (phoneticCache.size >= PHONETIC_CACHE_SIZE) phoneticCache.clear();
  phoneticCache.set(folded, code);
  return code;
}

/** A person reduced once to what comparisons need (scoring compares each person many times). */
export type Prepared = {
  id: string;
  firstRaw: string;
  lastRaw: string;
  /** Folded first word of the given name, and of the surname. */
  first: string;
  last: string;
  emails: string[];
  /** The canonical emails split once: compared with every other member of a block. */
  mailboxes: Mailbox[];
  phones: string[];
  companies: string[];
  externalIds: string[];
};

/** A canonical email's local part and domain, and the local part without digits. */
export type Mailbox = { local: string; domain: string; letters: string };

function mailbox(canonical: string): Mailbox {
  const at = canonical.lastIndexOf("@");
  const local = at < 0 ? canonical : canonical.slice(0, at);
  return { local, domain: at < 0 ? "" : canonical.slice(at + 1), letters: local.replace(/\d+/g, "") };
}

export function prepare(p: PersonProfile): Prepared {
  const emails = p.emails.map(canonicalEmail);
  return {
    id: p.id,
    firstRaw: p.firstName.trim().toLowerCase(),
    lastRaw: p.lastName.trim().toLowerCase(),
    first: foldName(p.firstName.trim().split(/\s+/)[0] ?? ""),
    last: foldName(p.lastName),
    emails,
    mailboxes: emails.map(mailbox),
    phones: p.phones,
    companies: p.companies.map(companyKey).filter(Boolean),
    externalIds: p.externalIds,
  };
}

/** The blocking keys of a person. Small blocks only: a key shared by too many people is dropped at detection time. */
export function matchKeys(profile: PersonProfile | Prepared): string[] {
  const p = "first" in profile ? profile : prepare(profile);
  const keys = new Set<string>();
  for (const e of p.emails) keys.add(`e:${e}`);
  for (const ph of p.phones) keys.add(`p:${ph}`);
  for (const x of p.externalIds) keys.add(`x:${x}`);
  const first = canonicalFirstName(p.first);
  const firstCode = phonetic(first);
  const lastCode = phonetic(p.last);
  if (lastCode && firstCode) keys.add(`n:${lastCode}:${firstCode}`);
  if (lastCode && first) keys.add(`i:${lastCode}:${first[0]}`);
  for (const ck of p.companies) if (firstCode) keys.add(`c:${ck}:${firstCode}`);
  return [...keys];
}

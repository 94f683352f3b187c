import { jaroWinkler } from "@skyra/jaro-winkler";
import { type Mailbox, type PersonProfile, type Prepared, prepare } from "./identity-values.rules.js";
import { sameGivenName } from "./nicknames.rules.js";

/**
 * Pure: how likely two people are one, with the reasons a reviewer is shown. Scores are in
 * [0, 1]; pairs at PROPOSE_AT or above are proposed for review. A similar name alone never
 * reaches it (two John Smiths are common), and shared contact data alone does not either
 * (families share phones, teams share inboxes): the name must agree AND some evidence
 * beyond it (an email, phone, external id or company) must be shared.
 */
export type Reason =
  | "same_email"
  | "similar_email"
  | "same_phone"
  | "same_external_id"
  | "same_company"
  | "same_name"
  | "nickname"
  | "transliteration"
  | "typo"
  | "initial";

export type Scored = { score: number; reasons: Reason[] };

/** Proposed at or above; a pair without evidence beyond the name scores at most 0.5. */
export const PROPOSE_AT = 0.6;
/**
 * A typo of a given name stays above 0.9 (Jaro-Winkler); two different short names often
 * do not (Mary/Mark 0.88). Surnames are longer: 0.85.
 */
const FIRST_AGREES = 0.9;
const LAST_AGREES = 0.85;

type NameMatch = { similarity: number; agrees: boolean; reasons: Reason[] };

/** Given names: equal, nickname of one another, an initial, or a typo away. */
function firstNameMatch(a: Prepared, b: Prepared): NameMatch {
  if (!a.first || !b.first) return { similarity: 0.5, agrees: false, reasons: [] };
  if (a.first === b.first) return { similarity: 1, agrees: true, reasons: a.firstRaw !== b.firstRaw ? ["transliteration"] : [] };
  if (sameGivenName(a.first, b.first)) return { similarity: 0.95, agrees: true, reasons: ["nickname"] };
  if ((a.first.length === 1 || b.first.length === 1) && a.first[0] === b.first[0]) {
    return { similarity: 0.85, agrees: true, reasons: ["initial"] };
  }
  const jw = jaroWinkler(a.first, b.first);
  const agrees = jw >= FIRST_AGREES;
  return { similarity: jw, agrees, reasons: agrees ? ["typo"] : [] };
}

function lastNameMatch(a: Prepared, b: Prepared): NameMatch {
  if (!a.last || !b.last) return { similarity: 0.5, agrees: false, reasons: [] };
  if (a.last === b.last) return { similarity: 1, agrees: true, reasons: a.lastRaw !== b.lastRaw ? ["transliteration"] : [] };
  const jw = jaroWinkler(a.last, b.last);
  const agrees = jw >= LAST_AGREES;
  return { similarity: jw, agrees, reasons: agrees ? ["typo"] : [] };
}

function overlaps(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return b.some((x) => a.includes(x));
}

/**
 * Pure: whether two strings are at most one edit apart (a letter inserted, dropped, replaced,
 * or two neighbours swapped: the typos people make), and not equal.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // dropped or inserted
}

/**
 * Same domain and local parts one typo apart: "jon.smith@acme.com" / "jon.smiht@acme.com".
 * One edit, not a looser similarity: on a large domain (gmail.com) thousands of unrelated
 * people have local parts that merely look alike (john.smith.12 / jon.smyth.31), and with
 * a name typo on top they would be proposed. Local parts that differ only in digits are
 * different accounts (john.smith2@…), and very short ones are not compared.
 */
/** Below this, one edit changes too much of a local part to be a typo (al@ / ed@, ab@ / ac@). */
const MIN_TYPO_LOCAL = 4;

function similarEmail(a: Mailbox[], b: Mailbox[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (!x.domain || x.domain !== y.domain || x.local.length < MIN_TYPO_LOCAL || y.local.length < MIN_TYPO_LOCAL || x.local === y.local)
        continue;
      if (x.letters === y.letters) continue;
      if (oneEditApart(x.local, y.local)) return true;
    }
  }
  return false;
}

/**
 * Whether the two share any evidence beyond the name. Without it a pair scores at most 0.5
 * (a shared name alone is never proposed), so a scan skips the name comparison entirely:
 * most pairs of a name block are different people with no evidence in common.
 */
export function sharesEvidence(a: Prepared, b: Prepared): boolean {
  return (
    overlaps(a.externalIds, b.externalIds) ||
    overlaps(a.emails, b.emails) ||
    overlaps(a.phones, b.phones) ||
    overlaps(a.companies, b.companies) ||
    similarEmail(a.mailboxes, b.mailboxes)
  );
}

export function scorePrepared(a: Prepared, b: Prepared): Scored {
  const first = firstNameMatch(a, b);
  const last = lastNameMatch(a, b);
  const name = (first.similarity + last.similarity) / 2;
  const agrees = first.agrees && last.agrees;
  const email = overlaps(a.emails, b.emails);
  const nearEmail = !email && similarEmail(a.mailboxes, b.mailboxes);
  const phone = overlaps(a.phones, b.phones);
  const external = overlaps(a.externalIds, b.externalIds);
  const company = overlaps(a.companies, b.companies);

  // A shared external id is decisive; other evidence counts when the names agree.
  let score = 0.5 * name;
  if (external) score = Math.max(score, 0.9 + 0.1 * name);
  if (agrees) {
    if (email) score = Math.max(score, 0.9 + 0.1 * name);
    if (phone) score = Math.max(score, 0.8 + 0.15 * name);
    if (nearEmail) score = Math.max(score, 0.7 + 0.2 * name);
    if (company) score = Math.max(score, 0.6 + 0.25 * name);
    // Independent signals agreeing make a pair more certain.
    const signals = [external, email, phone, nearEmail, company].filter(Boolean).length;
    if (signals >= 2) score = Math.min(1, score + 0.05 * (signals - 1));
  }

  const reasons = new Set<Reason>();
  if (external) reasons.add("same_external_id");
  if (email) reasons.add("same_email");
  if (nearEmail) reasons.add("similar_email");
  if (phone) reasons.add("same_phone");
  if (company) reasons.add("same_company");
  if (first.similarity === 1 && last.similarity === 1) reasons.add("same_name");
  for (const r of [...first.reasons, ...last.reasons]) reasons.add(r);
  return { score: Math.round(Math.min(1, score) * 1000) / 1000, reasons: [...reasons] };
}

export function scorePair(a: PersonProfile, b: PersonProfile): Scored {
  return scorePrepared(prepare(a), prepare(b));
}

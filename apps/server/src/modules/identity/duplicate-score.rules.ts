import { jaroWinkler } from "@skyra/jaro-winkler";
import { canonicalEmail, companyKey, foldName, type PersonProfile } from "./identity-values.rules.js";
import { sameGivenName } from "./nicknames.rules.js";

/**
 * Pure: how likely two people are one, with the reasons a reviewer is shown. Scores are in
 * [0, 1]; pairs at PROPOSE_AT or above are proposed for review. A similar name alone never
 * reaches it (two John Smiths are common); names decide together with a shared email,
 * phone, external id or company.
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

export const PROPOSE_AT = 0.6;

type NameMatch = { similarity: number; reasons: Reason[] };

/** Given names: equal, nickname of one another, an initial, or a typo away. */
function firstNameMatch(rawA: string, rawB: string): NameMatch {
  const a = foldName(rawA.split(/\s+/)[0] ?? "");
  const b = foldName(rawB.split(/\s+/)[0] ?? "");
  if (!a || !b) return { similarity: 0.5, reasons: [] };
  if (a === b) return { similarity: 1, reasons: rawA.trim().toLowerCase() !== rawB.trim().toLowerCase() ? ["transliteration"] : [] };
  if (sameGivenName(a, b)) return { similarity: 0.95, reasons: ["nickname"] };
  if ((a.length === 1 || b.length === 1) && a[0] === b[0]) return { similarity: 0.85, reasons: ["initial"] };
  const jw = jaroWinkler(a, b);
  return { similarity: jw, reasons: jw >= 0.88 ? ["typo"] : [] };
}

function lastNameMatch(rawA: string, rawB: string): NameMatch {
  const a = foldName(rawA);
  const b = foldName(rawB);
  if (!a || !b) return { similarity: 0.5, reasons: [] };
  if (a === b) return { similarity: 1, reasons: rawA.trim().toLowerCase() !== rawB.trim().toLowerCase() ? ["transliteration"] : [] };
  const jw = jaroWinkler(a, b);
  return { similarity: jw, reasons: jw >= 0.9 ? ["typo"] : [] };
}

function overlaps(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new Set(a);
  return b.some((x) => set.has(x));
}

/** Same domain and local parts a typo apart: "jon.smith@acme.com" / "jon.smiht@acme.com". */
function similarEmail(a: string[], b: string[]): boolean {
  for (const x of a) {
    const [lx, dx] = x.split("@");
    for (const y of b) {
      const [ly, dy] = y.split("@");
      if (dx && dx === dy && lx && ly && lx !== ly && jaroWinkler(lx, ly) >= 0.93) return true;
    }
  }
  return false;
}

export function scorePair(a: PersonProfile, b: PersonProfile): Scored {
  const first = firstNameMatch(a.firstName, b.firstName);
  const last = lastNameMatch(a.lastName, b.lastName);
  const name = (first.similarity + last.similarity) / 2;
  const reasons = new Set<Reason>();
  const emailsA = a.emails.map(canonicalEmail);
  const emailsB = b.emails.map(canonicalEmail);
  const email = overlaps(emailsA, emailsB);
  const nearEmail = !email && similarEmail(emailsA, emailsB);
  const phone = overlaps(a.phones, b.phones);
  const external = overlaps(a.externalIds, b.externalIds);
  const company = overlaps(a.companies.map(companyKey).filter(Boolean), b.companies.map(companyKey).filter(Boolean));

  // Evidence beyond the name, strongest first; the name similarity then decides how far it goes.
  let score = 0.5 * name;
  if (external) score = Math.max(score, 0.9 + 0.1 * name);
  if (email) score = Math.max(score, name >= 0.75 ? 0.9 + 0.1 * name : 0.55 + 0.2 * name);
  if (phone) score = Math.max(score, name >= 0.8 ? 0.8 + 0.15 * name : 0.4 + 0.2 * name);
  if (nearEmail) score = Math.max(score, name >= 0.85 ? 0.7 + 0.2 * name : 0.3 * name);
  if (company) score = Math.max(score, name >= 0.9 ? 0.6 + 0.25 * name : 0.3 * name);
  // Independent signals agreeing make a pair more certain.
  const signals = [external, email, phone, nearEmail, company].filter(Boolean).length;
  if (signals >= 2 && name >= 0.75) score = Math.min(1, score + 0.05 * (signals - 1));

  if (external) reasons.add("same_external_id");
  if (email) reasons.add("same_email");
  if (nearEmail) reasons.add("similar_email");
  if (phone) reasons.add("same_phone");
  if (company) reasons.add("same_company");
  if (first.similarity === 1 && last.similarity === 1) reasons.add("same_name");
  for (const r of [...first.reasons, ...last.reasons]) reasons.add(r);
  return { score: Math.round(Math.min(1, score) * 1000) / 1000, reasons: [...reasons] };
}

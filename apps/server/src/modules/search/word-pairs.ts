import type { Token } from "./tokenize.js";

/**
 * Word pairs (decision 0030): a record's "pair words" are its distinct name words and email
 * local-part words (fields 'n' and 'e' without the whole address). Every unordered pair of
 * them is indexed as one token, so a query of two words finds the records having both
 * among their names and email words by a few point lookups instead of reading every
 * posting of a common first name.
 *
 * - Pair tokens are `\u0001<a> <b>` (a before b in code point order, the column's
 *   `COLLATE "C"` order), field 'w'.
 * - A record with more than `MAX_PAIR_WORDS` pair words gets no pairs; each of its pair
 *   words is indexed again as `\u0002<word>`, field 'l' — the "rest" index of the
 *   migration (with tags, text fields and dotless domains) then finds it as a candidate.
 *
 * The control-character prefixes keep both kinds out of every other lookup: query words,
 * vocabulary words, email, domain and phone prefixes never contain them. The migration
 * 20261201T0400_search_pairs.sql derives the same rows in SQL (`search_pairs_backfill`).
 */
export const MAX_PAIR_WORDS = 12;
const PAIR = "\u0001";
const LONG = "\u0002";

/** A pair's token, whichever order the words come in. */
export function pairToken(a: string, b: string): string {
  return codePointCompare(a, b) < 0 ? `${PAIR}${a} ${b}` : `${PAIR}${b} ${a}`;
}

/** The token that marks one pair word of a record too long for pairs. */
export function longWordToken(word: string): string {
  return `${LONG}${word}`;
}

/** Whether an indexed token of `field` is one of the record's pair words. */
export function isPairWord(token: string, field: Token["field"]): boolean {
  return field === "n" || (field === "e" && !token.includes("@"));
}

/** The pair (or long-record) tokens of a record, from its unique, cut tokens (`uniqueTokens`). */
export function wordPairTokens(unique: Token[]): Token[] {
  const pairWords = [...new Set(unique.filter((t) => isPairWord(t.token, t.field)).map((t) => t.token))];
  if (pairWords.length > MAX_PAIR_WORDS) return pairWords.map((w) => ({ token: longWordToken(w), field: "l" }));
  const out: Token[] = [];
  for (let i = 0; i < pairWords.length; i++) {
    for (let j = i + 1; j < pairWords.length; j++)
      out.push({ token: pairToken(pairWords[i] as string, pairWords[j] as string), field: "w" });
  }
  return out;
}

/**
 * Code point order (what `COLLATE "C"` on UTF-8 sorts by). JavaScript's `<` compares UTF-16
 * code units, which differs for characters above U+FFFF against U+E000–U+FFFF.
 */
export function codePointCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

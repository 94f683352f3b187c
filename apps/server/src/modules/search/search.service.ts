import type { SearchHit } from "@rapport/contract";
import { type Kysely, sql } from "kysely";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { highlightRanges } from "./highlight.js";
import type { SearchEntity } from "./search-index.js";
import { fold, words } from "./tokenize.js";

/** What a record module gives search for the ids it found: only records the caller may see. */
export type ResolvedRecord = {
  id: string;
  title: string;
  subtitle: string | null;
  /** Values matched against the query for scoring and highlighting. */
  fields: { field: string; value: string }[];
};
export type SearchResolver = (principal: Principal, ids: string[]) => Promise<ResolvedRecord[]>;

const TYPE_OF: Record<SearchEntity, SearchHit["type"]> = { p: "contact", c: "company", d: "deal" };
const CANDIDATES = 200;

type WordMatch = { word: string; exact: boolean; prefixes: string[]; fuzzy: string[] };

/**
 * Search across people and companies through the token index:
 * - an email or phone number is a prefix lookup of its tokens;
 * - words are looked up exactly and as prefixes in the vocabulary of names, and when a word
 *   is not found, its near spellings (trigram similarity and edit distance ≤ 2) are used;
 * - the records having every word are then scored (exact > prefix > near) and highlighted.
 */
export class SearchService {
  private readonly resolvers = new Map<SearchEntity, SearchResolver>();

  constructor(private readonly db: Kysely<DB>) {}

  register(entity: SearchEntity, resolver: SearchResolver) {
    this.resolvers.set(entity, resolver);
  }

  async search(
    principal: Principal,
    q: string,
    opts: { limit: number; types?: SearchHit["type"][]; defaultCountry: string },
  ): Promise<SearchHit[]> {
    const ws = principal.workspaceId;
    const entityTypes = (Object.keys(TYPE_OF) as SearchEntity[]).filter((e) => !opts.types || opts.types.includes(TYPE_OF[e]));
    if (entityTypes.length === 0) return [];
    const trimmed = q.trim();
    let candidates: { entity_type: SearchEntity; entity_id: string }[];
    let terms: string[];
    let matches: WordMatch[] = [];
    const phone = this.phoneDigits(trimmed, opts.defaultCountry);
    if (trimmed.includes("@") || /^[^\s]+\.[^\s.]+$/.test(trimmed)) {
      // An email, or a domain / email prefix such as "acme.example".
      terms = [fold(trimmed)];
      candidates = await this.prefixPostings(ws, entityTypes, terms);
    } else if (phone) {
      terms = phone;
      candidates = await this.prefixPostings(ws, entityTypes, phone);
    } else {
      const qwords = words(trimmed).slice(0, 6);
      if (qwords.length === 0) return [];
      matches = await Promise.all(qwords.map((w, i) => this.matchWord(ws, w, i === qwords.length - 1)));
      terms = matches.flatMap((m) => [m.word, ...m.fuzzy]);
      candidates = await this.wordPostings(ws, entityTypes, matches);
    }
    const hits: SearchHit[] = [];
    for (const entity of entityTypes) {
      const ids = candidates.filter((c) => c.entity_type === entity).map((c) => c.entity_id);
      const resolver = this.resolvers.get(entity);
      if (ids.length === 0 || !resolver) continue;
      for (const r of await resolver(principal, ids)) {
        const highlights = r.fields
          .map((f) => ({ field: f.field, value: f.value, ranges: highlightRanges(f.value, terms) }))
          .filter((h) => h.ranges.length > 0);
        hits.push({ type: TYPE_OF[entity], id: r.id, title: r.title, subtitle: r.subtitle, score: score(r, matches, terms), highlights });
      }
    }
    return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, opts.limit);
  }

  /** Digits to look up when the query is a phone number (as typed, and as E.164). */
  private phoneDigits(q: string, country: string): string[] | undefined {
    if (!/^[\d\s()+\-./]+$/.test(q)) return undefined;
    const digits = q.replace(/\D/g, "");
    if (digits.length < 4) return undefined;
    const parsed = parsePhoneNumberFromString(q, country as CountryCode);
    const e164 = parsed?.number.replace(/\D/g, "");
    // "030 1234567": the national number without its trunk prefix matches stored numbers.
    const national = digits.replace(/^0+/, "");
    return [...new Set([digits, national, ...(e164 ? [e164] : [])])].filter((d) => d.length >= 4);
  }

  private async matchWord(ws: string, word: string, isLast: boolean): Promise<WordMatch> {
    const prefixRows = await sql<{ token: string }>`
      SELECT token FROM search_vocabulary
       WHERE workspace_id = ${ws} AND token LIKE ${escapeLike(word)} || '%'
       ORDER BY length(token), token LIMIT ${isLast ? 50 : 20}`.execute(this.db);
    const prefixes = prefixRows.rows.map((r) => r.token);
    const exact = prefixes.includes(word);
    let fuzzy: string[] = [];
    if (!exact && word.length >= 3) {
      const k = word.length <= 4 ? 1 : 2;
      const near = await sql<{ token: string }>`
        SELECT token FROM (
          (SELECT token FROM search_vocabulary WHERE workspace_id = ${ws} AND token % ${word} LIMIT 50)
          UNION
          (SELECT token FROM search_vocabulary
            WHERE workspace_id = ${ws} AND token LIKE ${escapeLike(word.slice(0, 1))} || '%'
              AND length(token) BETWEEN ${word.length - k} AND ${word.length + k}
              AND levenshtein_less_equal(token, ${word}, ${k + 1}) <= ${k + 1}
            LIMIT 200)
        ) t
        ORDER BY levenshtein(token, ${word}), similarity(token, ${word}) DESC
        LIMIT 8`.execute(this.db);
      // Transposed letters ("jonh") cost 2 edits; keep candidates within k, or k+1 when
      // the letters are the same ones.
      fuzzy = near.rows.map((r) => r.token).filter((t) => editDistance(t, word) <= k || sameLetters(t, word));
    }
    return { word, exact, prefixes: isLast || !exact ? prefixes : [word], fuzzy };
  }

  private async wordPostings(ws: string, entityTypes: SearchEntity[], matches: WordMatch[]) {
    const parts = matches.map((m) => {
      const exactTokens = [m.word, ...m.fuzzy];
      const prefixTokens = m.prefixes;
      return sql`SELECT entity_type, entity_id FROM search_tokens
                  WHERE workspace_id = ${ws} AND entity_type = ANY(${entityTypes}::char(1)[])
                    AND (token = ANY(${[...new Set([...exactTokens, ...prefixTokens])]}::text[]))`;
    });
    const query = sql<{ entity_type: SearchEntity; entity_id: string }>`${sql.join(parts, sql` INTERSECT `)} LIMIT ${CANDIDATES}`;
    return (await query.execute(this.db)).rows;
  }

  private async prefixPostings(ws: string, entityTypes: SearchEntity[], prefixes: string[]) {
    // One range scan per prefix (LIKE ANY(array) cannot use the index).
    const parts = prefixes.map(
      (p) => sql`(SELECT entity_type, entity_id FROM search_tokens
                   WHERE workspace_id = ${ws} AND entity_type = ANY(${entityTypes}::char(1)[]) AND token LIKE ${`${escapeLike(p)}%`}
                   LIMIT ${CANDIDATES})`,
    );
    const res = await sql<{ entity_type: SearchEntity; entity_id: string }>`
      SELECT DISTINCT entity_type, entity_id FROM (${sql.join(parts, sql` UNION ALL `)}) t LIMIT ${CANDIDATES}`.execute(this.db);
    return res.rows;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function score(r: ResolvedRecord, matches: WordMatch[], terms: string[]): number {
  const recordWords = new Set(r.fields.flatMap((f) => words(f.value)));
  const titleWords = words(r.title);
  if (matches.length === 0) {
    // Email or phone: an exact value beats a prefix.
    return r.fields.some((f) => terms.includes(fold(f.value).replace(/[^\p{L}\p{N}@.+]/gu, ""))) ? 100 : 90;
  }
  let total = 0;
  for (const m of matches) {
    if (recordWords.has(m.word)) total += titleWords.includes(m.word) ? 1 : 0.9;
    else if ([...recordWords].some((w) => w.startsWith(m.word))) total += 0.75;
    else if (m.fuzzy.some((f) => recordWords.has(f))) total += 0.5;
  }
  return Math.round((total / matches.length) * 100);
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join("") === [...b].sort().join("");
}

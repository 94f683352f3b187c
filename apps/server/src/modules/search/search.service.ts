import type { SearchHit } from "@rapport/contract";
import { type Expression, type Kysely, type RawBuilder, sql } from "kysely";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import type { CredentialCheck } from "../../platform/auth/credential-check.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { type RecordVisibility, recordVisibility } from "../iam/index.js";
import { highlightRanges } from "./highlight.js";
import { PostingCounts } from "./posting-counts.js";
import type { SearchEntity } from "./search-index.js";
import { fold, words } from "./tokenize.js";
import type { Vocabulary } from "./vocabulary.js";
import { VocabularyCache } from "./vocabulary-cache.js";
import { longWordToken, pairToken } from "./word-pairs.js";

/** What a record module gives search for the ids it found: only records the caller may see. */
export type ResolvedRecord = {
  id: string;
  title: string;
  subtitle: string | null;
  /** Values matched against the query for scoring and highlighting. */
  fields: { field: string; value: string }[];
};
/**
 * How a record module reads the records search found, inside search's one statement
 * (decision 0033): `records` is a SELECT of the records the caller may see among the ids
 * in `ids` (an expression of type uuid[]), with an `id` column; each of its rows, as a JSON
 * object of its columns, is turned into a ResolvedRecord by `present`.
 */
export type SearchResolver = {
  records(workspaceId: string, ids: RawBuilder<unknown>, visibility: RecordVisibility): Expression<unknown>;
  present(row: unknown): ResolvedRecord;
};

const TYPE_OF: Record<SearchEntity, SearchHit["type"]> = { p: "contact", c: "company", d: "deal" };

/**
 * How many of the best-ranked postings are read through the owning modules for a page of
 * `limit` hits. Ranking happens in SQL first (exact before prefix before near spellings),
 * so reading a few more than the page is enough; reading 200 arbitrary records per query
 * was most of the cost of a search (decision 0014).
 */
const candidatesFor = (limit: number) => Math.min(200, limit * 2 + 10);

/**
 * A query word: `fuzzy` holds its closest near spellings (one edit, or two when nothing is
 * one away), `wider` the further ones, used only when the closest find no record.
 */
export type WordMatch = { word: string; exact: boolean; prefixes: string[]; fuzzy: string[]; wider: string[] };

/**
 * Search across people and companies through the token index:
 * - an email or phone number is a prefix lookup of its tokens;
 * - words are looked up exactly and as prefixes in the workspace's vocabulary of names (held
 *   in memory, see VocabularyCache), and when a word is not found, its closest near spellings
 *   (edit distance ≤ 2) are used, the further ones only if the closest find nothing;
 * - the records having every word are then scored (exact > prefix > near) and highlighted.
 * The candidates, the records the caller may see among them and the check of a remembered
 * API key are one statement (decision 0033).
 */
export class SearchService {
  private readonly resolvers = new Map<SearchEntity, SearchResolver>();
  /** Per workspace (at most 1,000, oldest dropped): postings per token, to order the words of a query. */
  private readonly counts = new Map<string, PostingCounts>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly vocabulary: VocabularyCache = new VocabularyCache(db),
    /** Two-word queries through word pairs (decision 0030); off only to compare with the general path. */
    private readonly wordPairs = true,
  ) {}

  register(entity: SearchEntity, resolver: SearchResolver) {
    this.resolvers.set(entity, resolver);
  }

  async search(
    principal: Principal,
    q: string,
    opts: {
      limit: number;
      types?: SearchHit["type"][];
      defaultCountry: string;
      /** A remembered API key's check, evaluated by the search's statement (decision 0033). */
      credentialCheck?: CredentialCheck | undefined;
    },
  ): Promise<SearchHit[]> {
    const ws = principal.workspaceId;
    const entityTypes = (Object.keys(TYPE_OF) as SearchEntity[]).filter((e) => !opts.types || opts.types.includes(TYPE_OF[e]));
    if (entityTypes.length === 0) return [];
    const trimmed = q.trim();
    const k = candidatesFor(opts.limit);
    // Looked up once, and only when a statement runs (the fallback to wider spellings reads again).
    let visibility: Promise<RecordVisibility> | undefined;
    const read = async (candidates: RawBuilder<unknown>) => {
      visibility ??= recordVisibility(this.db, principal);
      return this.read(principal, entityTypes, candidates, opts.credentialCheck, await visibility);
    };
    let found: Found;
    let terms: string[];
    let matches: WordMatch[] = [];
    const phone = this.phoneDigits(trimmed, opts.defaultCountry);
    if (trimmed.includes("@") || /^[^\s]+\.[^\s.]+$/.test(trimmed)) {
      // An email, or a domain / email prefix such as "acme.example".
      terms = [fold(trimmed)];
      found = await read(this.prefixPostings(ws, entityTypes, terms, k));
    } else if (phone) {
      terms = phone;
      found = await read(this.prefixPostings(ws, entityTypes, phone, k));
    } else {
      const qwords = words(trimmed).slice(0, 6);
      if (qwords.length === 0) return [];
      const vocabulary = await this.vocabulary.get(ws);
      matches = qwords.map((w, i) => this.matchWord(vocabulary, w, i === qwords.length - 1));
      found = await read(await this.wordCandidates(ws, entityTypes, matches, k));
      if (found.candidates === 0 && matches.some((m) => m.wider.length > 0)) {
        // Every near spelling of every word costs its postings; the further ones are only
        // read when the closest ones found nothing (decision 0019).
        matches = matches.map((m) => ({ ...m, fuzzy: [...m.fuzzy, ...m.wider], wider: [] }));
        found = await read(await this.wordCandidates(ws, entityTypes, matches, k));
      }
      terms = matches.flatMap((m) => [m.word, ...m.fuzzy]);
    }
    // Ranked first, highlighted after: only the hits on the page need their highlights.
    const ranked = found.records
      .map(({ entity, record }) => ({ entity, record, score: score(record, matches, terms) }))
      .sort((a, b) => b.score - a.score || a.record.title.localeCompare(b.record.title))
      .slice(0, opts.limit);
    return ranked.map(({ entity, record: r, score }): SearchHit => {
      const highlights = r.fields
        .map((f) => ({ field: f.field, value: f.value, ranges: highlightRanges(f.value, terms) }))
        .filter((h) => h.ranges.length > 0);
      return { type: TYPE_OF[entity], id: r.id, title: r.title, subtitle: r.subtitle, score, highlights };
    });
  }

  /**
   * One statement for what used to be a round trip each (decision 0033): the best-ranked
   * candidates (`candidates`, materialised once), the records the caller may see among them
   * as each entity's module reads them (in id order, entity by entity: the order the former
   * per-module reads returned them in), and — for a remembered API key — its check, which
   * must hold for the statement to read anything. `candidates` counts the postings found
   * before visibility, as the fallback to wider spellings requires.
   */
  private async read(
    principal: Principal,
    entityTypes: SearchEntity[],
    candidates: RawBuilder<unknown>,
    check: CredentialCheck | undefined,
    visibility: RecordVisibility,
  ): Promise<Found> {
    const parts = entityTypes.flatMap((entity) => {
      const resolver = this.resolvers.get(entity);
      return resolver ? [{ entity, resolver }] : [];
    });
    const columns = parts.map(
      ({ entity, resolver }) =>
        sql`(SELECT coalesce(json_agg(r ORDER BY r.id), '[]'::json)
               FROM (${resolver.records(principal.workspaceId, sql`ARRAY(SELECT entity_id FROM cand WHERE entity_type = ${sql.lit(entity)})`, visibility)}) r) AS ${sql.ref(entity)}`,
    );
    const valid = check ? check.stillValid : sql<boolean>`true`;
    type Row = { valid: boolean; found: number | null } & Partial<Record<SearchEntity, unknown[]>>;
    const result = await sql<Row>`
      WITH v AS MATERIALIZED (SELECT ${valid} AS valid), cand AS MATERIALIZED (${candidates})
      SELECT v.valid, x.* FROM v
        LEFT JOIN LATERAL (SELECT ${sql.join([sql`(SELECT count(*) FROM cand)::int AS found`, ...columns])} WHERE v.valid) x ON true`.execute(
      this.db,
    );
    const row = result.rows[0] as Row;
    check?.settle(row.valid);
    return {
      candidates: row.found ?? 0,
      records: parts.flatMap(({ entity, resolver }) => (row[entity] ?? []).map((r) => ({ entity, record: resolver.present(r) }))),
    };
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

  /** A query word against the workspace's vocabulary: known exactly, its prefixes, its near spellings. */
  private matchWord(vocabulary: Vocabulary, word: string, isLast: boolean): WordMatch {
    const prefixes = vocabulary.prefixes(word, isLast ? 50 : 20);
    const exact = vocabulary.has(word);
    const near = exact ? [] : vocabulary.near(word);
    const closest = near[0]?.distance;
    const fuzzy = near.filter((n) => n.distance === closest).map((n) => n.token);
    const wider = near.filter((n) => n.distance !== closest).map((n) => n.token);
    return { word, exact, prefixes: isLast || !exact ? prefixes : [word], fuzzy, wider };
  }

  /** Records having every word, best first: through word pairs when two of the words allow it. */
  private async wordCandidates(ws: string, entityTypes: SearchEntity[], matches: WordMatch[], k: number): Promise<RawBuilder<unknown>> {
    const pair = this.wordPairs ? pairOfWords(matches) : undefined;
    if (pair) return this.pairPostings(ws, entityTypes, matches, pair, k);
    return this.wordPostings(ws, entityTypes, await this.rarestFirst(ws, matches), k);
  }

  /**
   * Several words through word pairs (decision 0030), the same records in the same order as
   * `wordPostings`. The records having both words of `pair` are among
   * - the postings of their pair tokens: both words among a record's names and email words;
   * - the "rest" postings of either word: a tag, a text field, a dotless domain, or a record
   *   too long for pairs (its words as `longWordToken`). Phone tokens are digits only and
   *   `pairOfWords` takes no word that could match one; email addresses and dotted domains
   *   hold characters no query word has.
   * Each of these few candidates is then scored per word exactly as `wordPostings` scores it
   * (its best posting of the word's spellings; none: not a match), and ranked the same way.
   */
  private pairPostings(ws: string, entityTypes: SearchEntity[], matches: WordMatch[], pair: WordPair, k: number) {
    const types = sql`${entityTypes}::char(1)[]`;
    const pairs = pair.a.flatMap((x) => pair.b.map((y) => pairToken(x, y)));
    const rest = [...pair.a, ...pair.b].flatMap((t) => [t, longWordToken(t)]);
    const scores = matches.map(
      (m, i) => sql`(SELECT max(CASE WHEN s.token = ${m.word}::text THEN (CASE WHEN s.field = 'n' THEN 100 ELSE 90 END)
                                    WHEN s.token = ANY(${m.prefixes}::text[]) THEN 75 ELSE 50 END)
                       FROM search_tokens s
                      WHERE s.workspace_id = ${ws} AND s.token = ANY(${tokensOf(m)}::text[])
                        AND s.entity_type = c.entity_type AND s.entity_id = c.entity_id) AS ${sql.ref(`s${i}`)}`,
    );
    const ref = (i: number) => sql.ref(`s${i}`);
    return sql`
      WITH c AS MATERIALIZED (
        SELECT entity_type, entity_id FROM search_tokens
         WHERE workspace_id = ${ws} AND token = ANY(${pairs}::text[]) AND entity_type = ANY(${types})
        UNION
        SELECT entity_type, entity_id FROM search_tokens
         WHERE workspace_id = ${ws} AND token = ANY(${rest}::text[]) AND entity_type = ANY(${types})
           AND (field IN ('t', 'x', 'l') OR (field = 'd' AND strpos(token, '.') = 0))
      ), scored AS MATERIALIZED (
        SELECT c.entity_type, c.entity_id, ${sql.join(scores)} FROM c
      )
      SELECT entity_type, entity_id FROM scored
       WHERE ${sql.join(
         matches.map((_, i) => sql`${ref(i)} IS NOT NULL`),
         sql` AND `,
       )}
       ORDER BY ${sql.join(
         matches.map((_, i) => ref(i)),
         sql` + `,
       )} DESC, entity_id
       LIMIT ${sql.lit(k)}`;
  }

  /**
   * The words of a query, the one with the fewest postings (all its spellings together)
   * first. Tokens not counted recently are counted in one statement; a single word needs no
   * order.
   */
  private async rarestFirst(ws: string, matches: WordMatch[]): Promise<WordMatch[]> {
    if (matches.length < 2) return matches;
    let counts = this.counts.get(ws);
    if (!counts) {
      if (this.counts.size >= 1_000) this.counts.delete(this.counts.keys().next().value as string);
      counts = new PostingCounts();
      this.counts.set(ws, counts);
    }
    const now = Date.now();
    const missing = counts.missing(matches.flatMap(tokensOf), now);
    if (missing.length > 0) {
      // Capped: beyond 100,000 postings a word is common enough to go last whatever its count.
      const rows = await sql<{ token: string; n: number }>`
        SELECT t.token, (SELECT count(*) FROM (SELECT 1 FROM search_tokens s
                                                 WHERE s.workspace_id = ${ws} AND s.token = t.token LIMIT 100000) x)::int AS n
          FROM unnest(${missing}::text[]) AS t(token)`.execute(this.db);
      for (const r of rows.rows) counts.set(r.token, r.n, now);
    }
    const cost = new Map(matches.map((m) => [m, (counts as PostingCounts).total(tokensOf(m))]));
    return [...matches].sort((a, b) => (cost.get(a) as number) - (cost.get(b) as number));
  }

  /**
   * Records having every word, best first. One word: tiers read in order, each stopping
   * after `k` postings (exact name word, exact word anywhere, prefixes, near spellings).
   * Several words (rarest first, see `rarestFirst`): the postings of each word, scored per
   * word like `score` below and summed over the records that have all of them.
   */
  private wordPostings(ws: string, entityTypes: SearchEntity[], matches: WordMatch[], k: number): RawBuilder<unknown> {
    const types = sql`${entityTypes}::char(1)[]`;
    if (matches.length === 1) {
      const m = matches[0] as WordMatch;
      const tier = (n: number, condition: RawBuilder<unknown>) =>
        sql`(SELECT entity_type, entity_id, ${sql.lit(n)} AS tier FROM search_tokens
              WHERE workspace_id = ${ws} AND entity_type = ANY(${types}) AND ${condition} LIMIT ${sql.lit(k)})`;
      const tiers = [
        tier(0, sql`token = ${m.word} AND field = 'n'`),
        tier(1, sql`token = ${m.word}`),
        ...(m.prefixes.length ? [tier(2, sql`token = ANY(${m.prefixes}::text[])`)] : []),
        ...(m.fuzzy.length ? [tier(3, sql`token = ANY(${m.fuzzy}::text[])`)] : []),
      ];
      return sql`
        SELECT entity_type, entity_id FROM (${sql.join(tiers, sql` UNION ALL `)}) t
         GROUP BY entity_type, entity_id ORDER BY min(tier), entity_id LIMIT ${sql.lit(k)}`;
    }
    // Word by word, each restricted to the records that had every word before it (a hash
    // semi-join on the previous word's records): every posting is read once and only the
    // records having all the words are grouped and scored (decision 0025). The former single
    // aggregation over every posting of every word cost ~4× the PostgreSQL CPU.
    const perWord = matches.map((m, i) => {
      const tokens = tokensOf(m);
      const scope =
        i === 0
          ? sql`s.entity_type = ANY(${types})`
          : sql`(s.entity_type, s.entity_id) IN (SELECT entity_type, entity_id FROM ${sql.ref(`w${i - 1}`)})`;
      return sql`${sql.ref(`w${i}`)} AS MATERIALIZED (
        SELECT s.entity_type, s.entity_id,
               max(CASE WHEN s.token = ${m.word}::text THEN (CASE WHEN s.field = 'n' THEN 100 ELSE 90 END)
                        WHEN s.token = ANY(${m.prefixes}::text[]) THEN 75 ELSE 50 END) AS score
          FROM search_tokens s
         WHERE s.workspace_id = ${ws} AND s.token = ANY(${tokens}::text[]) AND ${scope}
         GROUP BY s.entity_type, s.entity_id)`;
    });
    const last = matches.length - 1;
    const joins = matches.slice(0, last).map((_, i) => sql`JOIN ${sql.ref(`w${i}`)} USING (entity_type, entity_id)`);
    const total = sql.join(
      matches.map((_, i) => sql`${sql.ref(`w${i}`)}.score`),
      sql` + `,
    );
    return sql`
      WITH ${sql.join(perWord)}
      SELECT entity_type, entity_id FROM ${sql.ref(`w${last}`)} ${sql.join(joins, sql` `)}
       ORDER BY ${total} DESC, entity_id
       LIMIT ${sql.lit(k)}`;
  }

  /** Exact values first (a whole email, all the digits), then prefixes; `k` at most. */
  private prefixPostings(ws: string, entityTypes: SearchEntity[], prefixes: string[], k: number): RawBuilder<unknown> {
    const types = sql`${entityTypes}::char(1)[]`;
    // One range scan per prefix (LIKE ANY(array) cannot use the index).
    const parts = [
      sql`(SELECT entity_type, entity_id, 0 AS tier FROM search_tokens
            WHERE workspace_id = ${ws} AND entity_type = ANY(${types}) AND token = ANY(${prefixes}::text[]) LIMIT ${sql.lit(k)})`,
      ...prefixes.map((p) => {
        // A range rather than LIKE: the same index range scan, but PostgreSQL can keep one
        // plan for it instead of planning `LIKE $1` on every call (decision 0025).
        const end = prefixEnd(p);
        const range = end === undefined ? sql`token LIKE ${`${escapeLike(p)}%`}` : sql`token >= ${p} AND token < ${end}`;
        return sql`(SELECT entity_type, entity_id, 1 AS tier FROM search_tokens
                     WHERE workspace_id = ${ws} AND entity_type = ANY(${types}) AND ${range}
                     LIMIT ${sql.lit(k)})`;
      }),
    ];
    return sql`
      SELECT entity_type, entity_id FROM (${sql.join(parts, sql` UNION ALL `)}) t
       GROUP BY entity_type, entity_id ORDER BY min(tier), entity_id LIMIT ${sql.lit(k)}`;
  }
}

/** What one search statement found: how many candidates, and the visible records among them. */
type Found = { candidates: number; records: { entity: SearchEntity; record: ResolvedRecord }[] };

/** The tokens whose postings stand for a query word: itself, its near spellings, its prefixes. */
const tokensOf = (m: WordMatch) => [...new Set([m.word, ...m.fuzzy, ...m.prefixes])];

/** Two words of a query, as the tokens that stand for each, whose pairs find their records. */
type WordPair = { a: string[]; b: string[] };

/** Beyond this many pair tokens (spellings × spellings) a query takes the general path. */
const MAX_PAIR_LOOKUPS = 64;

/**
 * The two words of a query whose word pairs find every record having both (decision 0030):
 * no spelling of either can be a phone token (digits only), no spelling is shared (a pair is
 * two different words), and few pair tokens to look up — the fewest of any two words.
 * Undefined when no two words qualify: the query takes the general path.
 */
export function pairOfWords(matches: WordMatch[]): WordPair | undefined {
  let best: WordPair | undefined;
  const spellings = matches.map(tokensOf);
  for (let i = 0; i < spellings.length; i++) {
    for (let j = i + 1; j < spellings.length; j++) {
      const a = spellings[i] as string[];
      const b = spellings[j] as string[];
      const lookups = a.length * b.length;
      if (lookups > MAX_PAIR_LOOKUPS || (best && lookups >= best.a.length * best.b.length)) continue;
      if ([...a, ...b].some((t) => /^[0-9]+$/.test(t)) || a.some((t) => b.includes(t))) continue;
      best = { a, b };
    }
  }
  return best;
}

/**
 * The smallest string above every string starting with `prefix`, in the byte order of the
 * token column (`COLLATE "C"` on UTF-8, i.e. code point order): the prefix with its last code
 * point incremented. Undefined when there is none (the last code point is the largest).
 */
export function prefixEnd(prefix: string): string | undefined {
  const points = [...prefix];
  const last = points.pop()?.codePointAt(0);
  if (last === undefined || last >= 0x10ffff) return undefined;
  // Surrogate code points are not characters: the next one after U+D7FF is U+E000.
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return points.join("") + String.fromCodePoint(next);
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

/**
 * One workspace's name words (the `search_vocabulary` rows) held in memory, so a query word's
 * prefixes and near spellings are found without a database round trip or a trigram scan
 * (decision 0019). Words are folded (see tokenize.ts) before they get here.
 */
export class Vocabulary {
  /** Sorted by code unit, for prefix ranges. */
  private sorted: string[];
  private readonly all: Set<string>;
  /** Words by length: near spellings are only ever within two letters of the query's length. */
  private readonly byLength = new Map<number, string[]>();
  /** The letter mask (see `letterMask`) of each word of `byLength`, at the same index. */
  private readonly masksByLength = new Map<number, number[]>();

  constructor(tokens: Iterable<string>) {
    this.all = new Set(tokens);
    this.sorted = [...this.all].sort(compare);
    for (const t of this.sorted) this.addToLengthBucket(t);
  }

  get size(): number {
    return this.all.size;
  }

  has(word: string): boolean {
    return this.all.has(word);
  }

  /** Words the database learnt after this copy loaded (the vocabulary only ever grows). */
  add(tokens: Iterable<string>) {
    const fresh = [...tokens].filter((t) => t && !this.all.has(t));
    if (fresh.length === 0) return;
    for (const t of fresh) {
      this.all.add(t);
      this.addToLengthBucket(t);
    }
    this.sorted = [...this.sorted, ...fresh].sort(compare);
  }

  /** Words starting with `prefix`, shortest first then alphabetical, at most `limit`. */
  prefixes(prefix: string, limit: number): string[] {
    const out: string[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const t = this.sorted[i] as string;
      if (!t.startsWith(prefix)) break;
      out.push(t);
    }
    return out.sort((a, b) => a.length - b.length || compare(a, b)).slice(0, limit);
  }

  /**
   * Near spellings of an unknown word: within `k` edits (k = 1 up to four letters, else 2; two
   * swapped neighbours count as one edit, "jonh" → "john"), closest first, then by trigram
   * similarity, at most `limit`.
   */
  near(word: string, limit = 8): { token: string; distance: number }[] {
    if (word.length < 3) return [];
    const k = word.length <= 4 ? 1 : 2;
    const found: { token: string; distance: number; similarity: number }[] = [];
    const mask = letterMask(word);
    for (let len = word.length - k; len <= word.length + k; len++) {
      const words = this.byLength.get(len) ?? [];
      const masks = this.masksByLength.get(len) ?? [];
      for (let i = 0; i < words.length; i++) {
        const t = words[i] as string;
        // Each letter one word has and the other lacks costs at least one edit: most of the
        // vocabulary is ruled out here, before the edit distance (decision 0025).
        const m = masks[i] as number;
        if (bitCount(mask & ~m) > k || bitCount(m & ~mask) > k || t === word) continue;
        const distance = boundedEditDistance(t, word, k);
        if (distance <= k) found.push({ token: t, distance, similarity: trigramSimilarity(t, word) });
      }
    }
    return found
      .sort((a, b) => a.distance - b.distance || b.similarity - a.similarity || compare(a.token, b.token))
      .slice(0, limit)
      .map(({ token, distance }) => ({ token, distance }));
  }

  private addToLengthBucket(word: string) {
    const words = this.byLength.get(word.length);
    const masks = this.masksByLength.get(word.length);
    if (words && masks) {
      words.push(word);
      masks.push(letterMask(word));
    } else {
      this.byLength.set(word.length, [word]);
      this.masksByLength.set(word.length, [letterMask(word)]);
    }
  }
}

/**
 * The set of a word's characters as 32 bits (code unit mod 32; letters that share a bit only
 * make the test weaker, never wrong): a letter of one word whose bit the other lacks is
 * missing from the other.
 */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment: insert, delete,
 * substitute or swap two neighbours, each one edit), or `max + 1` as soon as it is known to
 * exceed `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (curr[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (before[j - 2] as number) + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Row minima never decrease, so once a whole row exceeds the bound the distance does too.
    if (rowMin > max) return max + 1;
    [before, prev, curr] = [prev, curr, before];
  }
  return Math.min(prev[b.length] as number, max + 1);
}

/** Edit distance (with transpositions), small strings only. */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Math.max(a.length, b.length));
}

/** pg_trgm's similarity of two single words: shared / all distinct trigrams of "  word ". */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared || 1);
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

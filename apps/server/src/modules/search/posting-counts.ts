/**
 * Roughly how many postings each token has in one workspace, so a query of several words
 * starts from its rarest word (decision 0025): the first word's postings are all grouped,
 * the others only for the records that had the words before them, so starting from a last
 * name (~1,000 postings) instead of a common first name (~9,000) costs a third of the
 * PostgreSQL CPU.
 *
 * Counts only choose the order of the words, never which records match, so they may be
 * stale: each is re-read after `maxAgeMs`, and the whole map is dropped when it grows past
 * `maxTokens`.
 */
export class PostingCounts {
  private readonly counts = new Map<string, { n: number; at: number }>();

  constructor(
    private readonly maxAgeMs = 5 * 60_000,
    private readonly maxTokens = 50_000,
  ) {}

  /** Tokens without a fresh count. */
  missing(tokens: Iterable<string>, now: number): string[] {
    const out = new Set<string>();
    for (const t of tokens) {
      const c = this.counts.get(t);
      if (!c || now - c.at > this.maxAgeMs) out.add(t);
    }
    return [...out];
  }

  set(token: string, n: number, now: number) {
    if (this.counts.size >= this.maxTokens) this.counts.clear();
    this.counts.set(token, { n, at: now });
  }

  /** Postings of all `tokens` together (0 for a token never counted). */
  total(tokens: Iterable<string>): number {
    let n = 0;
    for (const t of tokens) n += this.counts.get(t)?.n ?? 0;
    return n;
  }
}

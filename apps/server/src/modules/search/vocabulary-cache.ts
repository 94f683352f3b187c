import { type Kysely, sql } from "kysely";
import type { CacheInvalidation } from "../../platform/db/cache-invalidation.js";
import type { DB } from "../../platform/db/schema.js";
import { Vocabulary } from "./vocabulary.js";

/** The cache topic the `search_vocabulary` trigger notifies (migration 20261129T1900_read_speed_2.sql). */
export const VOCABULARY_TOPIC = "vocabulary";

/**
 * Each workspace's vocabulary, loaded on its first search and then kept in step by the
 * trigger's notices: "<workspace id>:<word word …>" adds the words, a bare "<workspace id>"
 * (many words at once, e.g. an import) drops the copy so the next search reloads it.
 * Without a live listener (or none at all, as in the CLI) every search reads the vocabulary
 * afresh and nothing is kept, so a lost notice can never hide a word for long.
 *
 * The vocabulary only proposes candidate words; whether a record has a word is always read
 * from `search_tokens` in the query, so a word this copy learns a few milliseconds late can
 * only delay a prefix or typo match of a record written in those milliseconds.
 */
export class VocabularyCache {
  private readonly entries = new Map<string, Vocabulary>();
  /** Words noticed while a workspace's load was in flight, applied when it lands. */
  private readonly loading = new Map<string, string[]>();
  private generation = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly invalidation?: CacheInvalidation,
    private readonly maxWorkspaces = 1_000,
  ) {
    invalidation?.on(
      VOCABULARY_TOPIC,
      (payload) => this.notice(payload),
      () => this.clear(),
    );
  }

  async get(workspaceId: string): Promise<Vocabulary> {
    const hit = this.entries.get(workspaceId);
    if (hit) return hit;
    const generation = this.generation;
    // Only one load per workspace records notices; it keeps its result only if no reset or
    // "reload" notice came while it ran (then `this.loading` no longer holds its own list).
    const noticed: string[] | undefined = this.invalidation?.live && !this.loading.has(workspaceId) ? [] : undefined;
    if (noticed) this.loading.set(workspaceId, noticed);
    try {
      const rows = await sql<{ token: string }>`SELECT token FROM search_vocabulary WHERE workspace_id = ${workspaceId}`.execute(this.db);
      const vocabulary = new Vocabulary(rows.rows.map((r) => r.token));
      if (noticed && this.loading.get(workspaceId) === noticed && generation === this.generation && this.invalidation?.live) {
        vocabulary.add(noticed);
        if (this.entries.size >= this.maxWorkspaces) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(workspaceId, vocabulary);
      }
      return vocabulary;
    } finally {
      if (noticed && this.loading.get(workspaceId) === noticed) this.loading.delete(workspaceId);
    }
  }

  private notice(payload: string) {
    const at = payload.indexOf(":");
    const workspaceId = at < 0 ? payload : payload.slice(0, at);
    if (at < 0) {
      // Too many new words to list: forget this workspace (and any load in flight).
      this.entries.delete(workspaceId);
      this.loading.delete(workspaceId);
      return;
    }
    const tokens = payload.slice(at + 1).split(" ");
    this.entries.get(workspaceId)?.add(tokens);
    this.loading.get(workspaceId)?.push(...tokens);
  }

  private clear() {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }
}

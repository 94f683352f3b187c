import pg from "pg";
import type { Logger } from "../logging/logger.js";

/** The channel that triggers on cached tables notify: payload "<topic>:<workspace id>". */
export const CACHE_CHANNEL = "rapport_cache";
const RECONNECT_MS = 1000;

/**
 * One LISTEN connection per server copy that tells process-local caches which workspace's
 * rows changed. Triggers on the cached tables send the notices (migration
 * 20261129T1400_read_speed.sql), so every writer — any server copy, the CLI, a job, a
 * manual UPDATE — invalidates every copy. While the connection is down (and before it is
 * first up) caches are bypassed and emptied, so a lost notice can never leave a stale
 * entry behind. See decision 0014.
 */
export class CacheInvalidation {
  private client: pg.Client | undefined;
  private listening = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly topics = new Map<string, Set<(workspaceId: string) => void>>();
  private readonly resets = new Set<() => void>();

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly log: Logger,
  ) {}

  /** True while notices are being received: only then may a cache keep what it read. */
  get live(): boolean {
    return this.listening;
  }

  on(topic: string, onChange: (workspaceId: string) => void, onReset: () => void) {
    const set = this.topics.get(topic) ?? new Set();
    set.add(onChange);
    this.topics.set(topic, set);
    this.resets.add(onReset);
  }

  async start() {
    this.stopped = false;
    await this.connect();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.lost();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect() {
    const client = new pg.Client({ ...this.connection, application_name: "rapport-cache" });
    this.client = client;
    client.on("notification", (n) => this.notice(n.payload ?? ""));
    client.on("error", (err) => {
      this.log.warn({ err }, "cache invalidation listener lost; caches bypassed until it is back");
      this.retry(client);
    });
    client.on("end", () => this.retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
      if (this.stopped || this.client !== client) return;
      // Whatever changed while nobody listened is unknown: start empty.
      this.lost();
      this.listening = true;
    } catch (err) {
      this.log.warn({ err }, "could not LISTEN for cache invalidation; caches bypassed");
      this.retry(client);
    }
  }

  private retry(client: pg.Client) {
    if (this.client !== client) return;
    this.client = undefined;
    this.lost();
    client.end().catch(() => {});
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) void this.connect();
    }, RECONNECT_MS);
  }

  private lost() {
    this.listening = false;
    for (const reset of this.resets) reset();
  }

  private notice(payload: string) {
    const at = payload.indexOf(":");
    const handlers = this.topics.get(payload.slice(0, at));
    for (const h of handlers ?? []) h(payload.slice(at + 1));
  }
}

/**
 * A per-workspace cache of something read from the database, correct across copies through
 * `CacheInvalidation`. A read that started before an invalidation is returned to its caller
 * but not kept, so a notice racing with a load cannot leave the old value cached.
 */
export class WorkspaceCache<T> {
  private readonly entries = new Map<string, T>();
  private generation = 0;

  constructor(
    private readonly invalidation: CacheInvalidation,
    topic: string,
    private readonly load: (workspaceId: string) => Promise<T>,
    private readonly maxEntries = 10_000,
  ) {
    invalidation.on(
      topic,
      (ws) => this.invalidate(ws),
      () => this.clear(),
    );
  }

  async get(workspaceId: string): Promise<T> {
    const hit = this.entries.get(workspaceId);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await this.load(workspaceId);
    if (generation === this.generation && this.invalidation.live) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(workspaceId, value);
    }
    return value;
  }

  /** Also called by this copy's own commands right after they commit, before answering. */
  invalidate(workspaceId: string) {
    this.generation++;
    this.entries.delete(workspaceId);
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }
}

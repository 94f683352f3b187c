import type { Kysely } from "kysely";
import pg from "pg";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { currentEventCursor, lastVisibleEvent, readEventsAfter, type StoredEvent } from "../../platform/events/processor.js";
import type { EventVisibility } from "../../platform/events/visibility.js";
import type { Logger } from "../../platform/logging/logger.js";

type Subscriber = { principal: Principal; send(event: StoredEvent): void };

/**
 * Fans committed domain events out to the SSE connections of this server copy. One LISTEN
 * connection per copy; every copy reads the outbox itself, so nothing is shared in memory.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursor: { txid: string; seq: number } | undefined;
  private listener: pg.Client | undefined;
  private pumping = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly connection: pg.ClientConfig,
    private readonly visibility: EventVisibility,
    private readonly log: Logger,
  ) {}

  async start() {
    this.cursor = await currentEventCursor(this.db);
    this.listener = new pg.Client({ ...this.connection, application_name: "rapport-realtime" });
    this.listener.on("notification", () => void this.pump());
    this.listener.on("error", (err) => this.log.warn({ err }, "realtime listener lost; polling"));
    await this.listener.connect();
    await this.listener.query("LISTEN rapport_events");
    // Fallback for events whose transaction committed while an older one was still open.
    this.timer = setInterval(() => void this.pump(), 2000);
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => {});
  }

  subscribe(sub: Subscriber): () => void {
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  get size() {
    return this.subscribers.size;
  }

  private async pump() {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        if (!this.cursor) return;
        if (this.subscribers.size === 0) {
          // Nobody listens on this copy: move the cursor past the visible events without
          // reading them (one index probe instead of up to 1,000 rows and their payloads;
          // decision 0031), so a subscriber arriving later starts where it would have.
          this.cursor = await lastVisibleEvent(this.db, this.cursor);
          continue;
        }
        const events = await readEventsAfter(this.db, this.cursor, 1000);
        const last = events[events.length - 1];
        if (last) this.cursor = { txid: last.txid, seq: last.seq };
        for (const e of events) {
          for (const s of this.subscribers) {
            if (await this.visibility.canSee(s.principal, e)) s.send(e);
          }
        }
        if (events.length === 1000) this.again = true;
      } while (this.again);
    } catch (err) {
      this.log.warn({ err }, "realtime pump failed");
    } finally {
      this.pumping = false;
    }
  }
}

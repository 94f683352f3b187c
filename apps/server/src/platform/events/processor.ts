import { type Kysely, sql, type Transaction } from "kysely";
import pg from "pg";
import type { DB } from "../db/schema.js";
import type { Logger } from "../logging/logger.js";

export type StoredEvent = {
  workspaceId: string;
  id: string;
  seq: number;
  txid: string;
  type: string;
  entityType: string;
  entityId: string;
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
};

/**
 * A consumer of domain events. `handle` runs in the transaction that also advances the
 * consumer's cursor, so database-side effects happen exactly once; anything outside the
 * database must be idempotent (delivery is at least once).
 */
export type EventConsumer = {
  name: string;
  /** `events` may be shared with other consumers (frozen): read them, never change them. */
  handle(tx: Transaction<DB>, events: readonly StoredEvent[]): Promise<void>;
};

const BATCH = 500;

/**
 * Events visible to readers: committed, and from transactions older than every transaction
 * still running, so a cursor never passes an event that is about to appear.
 */
export async function readEventsAfter(
  q: Kysely<DB> | Transaction<DB>,
  cursor: { txid: string; seq: number },
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await sql<{
    workspace_id: string;
    id: string;
    seq: number;
    txid: string;
    type: string;
    entity_type: string;
    entity_id: string;
    actor_type: StoredEvent["actorType"];
    actor_id: string | null;
    payload: Record<string, unknown>;
    occurred_at: Date;
  }>`SELECT workspace_id, id, seq, txid::text AS txid, type, entity_type, entity_id, actor_type, actor_id, payload, occurred_at
       FROM domain_events
      WHERE (txid, seq) > (${cursor.txid}::xid8, ${cursor.seq})
        AND txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY txid, seq
      LIMIT ${limit}`.execute(q);
  return rows.rows.map((r) => ({
    workspaceId: r.workspace_id,
    id: r.id,
    seq: r.seq,
    txid: r.txid,
    type: r.type,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actorType: r.actor_type,
    actorId: r.actor_id,
    payload: r.payload,
    occurredAt: r.occurred_at,
  }));
}

/**
 * The last event `readEventsAfter` could return after `cursor` (same visibility rule), or
 * `cursor` itself: for a reader that only needs to skip what it would not use.
 */
export async function lastVisibleEvent(q: Kysely<DB>, cursor: { txid: string; seq: number }): Promise<{ txid: string; seq: number }> {
  const r = await sql<{ txid: string; seq: number }>`
    SELECT txid::text AS txid, seq FROM domain_events
     WHERE (txid, seq) > (${cursor.txid}::xid8, ${cursor.seq})
       AND txid < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY txid DESC, seq DESC
     LIMIT 1`.execute(q);
  const row = r.rows[0];
  return row ? { txid: row.txid, seq: Number(row.seq) } : cursor;
}

export async function currentEventCursor(q: Kysely<DB>): Promise<{ txid: string; seq: number }> {
  const r = await sql<{ txid: string; seq: number }>`
    SELECT coalesce(max(txid), '0')::text AS txid, coalesce(max(seq), 0)::bigint AS seq FROM domain_events`.execute(q);
  return r.rows[0] ?? { txid: "0", seq: 0 };
}

/** Consumers whose cursor row this database handle has made sure of (once, not per batch). */
const registered = new WeakMap<Kysely<DB>, Set<string>>();

async function ensureRegistered(db: Kysely<DB>, name: string) {
  let names = registered.get(db);
  if (!names) {
    names = new Set();
    registered.set(db, names);
  }
  if (names.has(name)) return;
  await db
    .insertInto("event_consumers")
    .values({ name })
    .onConflict((oc) => oc.doNothing())
    .execute();
  names.add(name);
}

/**
 * The outbox read of one round of the processor, shared by its consumers (decision 0034):
 * every consumer used to read the same events itself, once per batch. A consumer whose cursor
 * is where the round's read started gets that read's events instead of reading again.
 *
 * The same events its own read would start with: the read returns, in (txid, seq) order,
 * events of transactions that had ended before its snapshot; a later read from the same
 * cursor can only add events of transactions that ended afterwards, which all sort after
 * them (a transaction id below the first snapshot's xmin is never handed out again). So a
 * consumer handed the shared events handles the same events in the same order, at most in
 * a smaller batch. The array is frozen: consumers only read it.
 */
export class EventRound {
  private read: { after: string; events: readonly StoredEvent[] } | undefined;

  /** The round's events after `cursor`, when the round's read started there. */
  eventsAfter(cursor: { txid: string; seq: number }): readonly StoredEvent[] | undefined {
    return this.read?.after === cursorKey(cursor) ? this.read.events : undefined;
  }

  /** Keeps the first read of the round for the consumers after it. */
  remember(cursor: { txid: string; seq: number }, events: StoredEvent[]): readonly StoredEvent[] {
    const frozen = Object.freeze(events);
    this.read ??= { after: cursorKey(cursor), events: frozen };
    return frozen;
  }
}

const cursorKey = (c: { txid: string; seq: number }) => `${c.txid}/${c.seq}`;

/**
 * Runs one batch for one consumer; returns how many events it handled. With a `round`, the
 * batch reuses that round's outbox read when this consumer's cursor is where it started.
 */
export async function processBatch(db: Kysely<DB>, consumer: EventConsumer, round?: EventRound): Promise<number> {
  await ensureRegistered(db, consumer.name);
  return db.transaction().execute(async (tx) => {
    // The row lock makes one worker at a time own the consumer; the others skip it.
    // The batch commits without waiting for the disk (decision 0026): its effects and the
    // cursor commit together, so a crash can only lose whole batches, which are then handled
    // again from the cursor; a later synchronous commit flushes every earlier one.
    const state = await sql<{ last_txid: string; last_seq: number }>`
      SELECT last_txid::text AS last_txid, last_seq, set_config('synchronous_commit', 'off', true) AS async
        FROM event_consumers WHERE name = ${consumer.name}
      FOR UPDATE SKIP LOCKED`.execute(tx);
    const row = state.rows[0];
    if (!row) {
      // Locked by another worker, or the row is gone (a restore): make sure of it next time.
      registered.get(db)?.delete(consumer.name);
      return 0;
    }
    const cursor = { txid: row.last_txid, seq: Number(row.last_seq) };
    let events = round?.eventsAfter(cursor);
    if (!events) {
      const read = await readEventsAfter(tx, cursor, BATCH);
      events = round ? round.remember(cursor, read) : read;
    }
    if (events.length === 0) return 0;
    await consumer.handle(tx, events);
    const last = events[events.length - 1] as StoredEvent;
    await sql`UPDATE event_consumers SET last_txid = ${last.txid}::xid8, last_seq = ${last.seq}, updated_at = now()
              WHERE name = ${consumer.name}`.execute(tx);
    return events.length;
  });
}

/**
 * Delivers events to every consumer until stopped: woken by NOTIFY when events commit,
 * and by a timer as a fallback.
 */
export function startEventProcessor(
  db: Kysely<DB>,
  listenConnection: pg.ClientConfig,
  consumers: EventConsumer[],
  log: Logger,
): { stop(): Promise<void> } {
  let stopped = false;
  let wake: (() => void) | undefined;
  const listener = new pg.Client({ ...listenConnection, application_name: "rapport-events" });
  listener.on("notification", () => wake?.());
  listener.on("error", (err) => log.warn({ err }, "event listener connection lost; polling"));
  listener
    .connect()
    .then(() => listener.query("LISTEN rapport_events"))
    .catch((err) => log.warn({ err }, "could not LISTEN for events; polling"));

  const loop = (async () => {
    while (!stopped) {
      let handled = 0;
      // One outbox read for the consumers that are at the same cursor (decision 0034).
      const round = new EventRound();
      for (const consumer of consumers) {
        try {
          handled += await processBatch(db, consumer, round);
        } catch (err) {
          log.error({ err, consumer: consumer.name }, "event consumer failed; will retry");
        }
      }
      if (handled === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          wake = () => {
            clearTimeout(timer);
            // Let the notifying transaction's neighbours commit before reading.
            setTimeout(resolve, 20);
          };
        });
        wake = undefined;
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await listener.end().catch(() => {});
    },
  };
}

import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/principal.js";
import { oneWriteHandle } from "../db/one-write-handle.js";
import type { DB } from "../db/schema.js";

/** A field that changed, as carried by update events and shown in the audit trail. */
export type FieldChange = { old: unknown; new: unknown };

export type DomainEventInput = {
  type: string;
  entityType: string;
  entityId: string;
  /** `changes` (field → old/new) is what the audit trail records; the rest is free-form. */
  payload: { changes?: Record<string, FieldChange>; [k: string]: unknown };
};

/**
 * Transactions whose runner announces their events after COMMIT (see `announceAfterCommit`),
 * and whether they recorded any.
 */
const announcedByRunner = new WeakMap<Transaction<DB>, { recorded: boolean }>();

/**
 * Writes a domain event in the caller's transaction: the event exists exactly when the
 * change it describes was committed.
 */
export async function recordEvent(tx: Transaction<DB>, actor: Actor, e: DomainEventInput): Promise<string> {
  const { id, insert } = eventInsert(tx, actor, e);
  await insert.execute(tx);
  return id;
}

/**
 * The insert of a domain event into the caller's transaction, as a statement or as the body
 * of a data-modifying CTE (a command that writes everything in one statement).
 *
 * Listeners learn of new events by a NOTIFY on `rapport_events`. A NOTIFY in a transaction
 * makes PostgreSQL hold a database-wide lock from before its COMMIT until the commit is
 * flushed to disk, so notifying transactions commit one fsync at a time. In a transaction
 * whose runner announces after COMMIT, the insert sets `rapport.events_announced` so the
 * table's trigger does not notify (decision 0026); elsewhere the trigger notifies as before.
 */
export function eventInsert(
  tx: Transaction<DB>,
  actor: Actor,
  e: DomainEventInput,
  /** Written only when this holds (the statement's credential check, decision 0031). */
  when: RawBuilder<boolean> = sql<boolean>`true`,
): { id: string; insert: RawBuilder<unknown> } {
  const id = uuidv7();
  const byRunner = announcedByRunner.get(tx);
  if (byRunner) byRunner.recorded = true;
  const announced = byRunner ? sql`set_config('rapport.events_announced', 'on', true) = 'on'` : sql`true`;
  const insert = sql`
    INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, actor_id, payload)
    SELECT ${actor.workspaceId}::uuid, ${id}::uuid, ${e.type}, ${e.entityType}, ${e.entityId}::uuid, ${actor.type}, ${actor.id}::uuid,
           ${JSON.stringify(e.payload)}::jsonb
     WHERE ${when} AND ${announced}`;
  return { id, insert };
}

/**
 * Runs `work` in a transaction whose events are announced after its COMMIT instead of by a
 * NOTIFY inside it, so concurrent commands share their disk flushes (group commit).
 * Announcements are coalesced per database handle: at most one NOTIFY per
 * `ANNOUNCE_INTERVAL_MS`, sent on its own with `synchronous_commit = off` (a notice carries
 * no data; listeners read the outbox). A notice lost to a crash between COMMIT and the
 * announcement only delays listeners until their polling fallback (processor 1 s, realtime 2 s).
 */
export async function withAnnouncedEvents<T>(
  db: Kysely<DB>,
  onError: (err: unknown) => void,
  work: (tx: Transaction<DB>) => Promise<T>,
  /** `work` writes in one statement, run last: no BEGIN/COMMIT (see `oneWriteHandle`). */
  { oneStatement = false }: { oneStatement?: boolean } = {},
): Promise<T> {
  const state = { recorded: false };
  const run = (tx: Transaction<DB>) => {
    announcedByRunner.set(tx, state);
    return work(tx);
  };
  const result = oneStatement ? await run(oneWriteHandle(db)) : await db.transaction().execute(run);
  if (state.recorded) announcerFor(db, onError).announce();
  return result;
}

export const ANNOUNCE_INTERVAL_MS = 10;

const announcers = new WeakMap<Kysely<DB>, Announcer>();

function announcerFor(db: Kysely<DB>, onError: (err: unknown) => void): Announcer {
  let a = announcers.get(db);
  if (!a) {
    a = new Announcer(db, onError);
    announcers.set(db, a);
  }
  return a;
}

/** Coalesces announcements: one now if none was sent recently, else one at the end of the interval. */
class Announcer {
  private lastSent = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (err: unknown) => void,
  ) {}

  announce() {
    if (this.timer) return;
    const wait = this.lastSent + ANNOUNCE_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.send();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, wait);
    this.timer.unref();
  }

  private send() {
    this.lastSent = Date.now();
    // One statement, its own transaction; the local setting lasts until that COMMIT, which
    // then does not wait for the disk (nor hold the notify lock meanwhile).
    sql`SELECT set_config('synchronous_commit', 'off', true), pg_notify('rapport_events', '')`.execute(this.db).catch(this.onError);
  }
}

/** The field-by-field difference between two snapshots of a record, for update events. */
export function diff<T extends Record<string, unknown>>(before: T, after: T): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { old: before[key] ?? null, new: after[key] ?? null };
  }
  return changes;
}

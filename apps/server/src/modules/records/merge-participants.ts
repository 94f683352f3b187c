import type { Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";

/**
 * The extension point of person merges. A module whose rows point at people (interactions,
 * documents, company links, identities, later deals and tickets) registers a participant
 * at wiring time in app.ts. Inside the merge transaction it re-points its rows from the
 * merged person to the survivor and returns what it moved (stored with the merge);
 * undo hands that back so it can move exactly those rows back.
 */
export type MergeParticipant = {
  /** Stable name: the key of what it moved in the merge record. */
  name: string;
  /** How many rows would move (the merge screen shows it). */
  count(tx: Transaction<DB>, ws: string, fromId: string): Promise<number>;
  move(tx: Transaction<DB>, ws: string, fromId: string, toId: string): Promise<{ count: number; undo: unknown }>;
  restore(tx: Transaction<DB>, ws: string, fromId: string, toId: string, undo: unknown): Promise<void>;
};

export class MergeParticipants {
  private readonly list: MergeParticipant[] = [];

  register(p: MergeParticipant) {
    if (this.list.some((x) => x.name === p.name)) throw new Error(`merge participant ${p.name} registered twice`);
    this.list.push(p);
  }

  all(): readonly MergeParticipant[] {
    return this.list;
  }
}

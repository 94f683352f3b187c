import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { DB } from "../../platform/db/schema.js";
import { PROPOSE_AT, scorePrepared, sharesEvidence } from "./duplicate-score.rules.js";
import { type CandidateRow, identityRepository as repo, type ScoredPair } from "./identity.repository.js";
import { matchKeys, type PersonProfile, prepare } from "./identity-values.rules.js";

/**
 * Incremental duplicate detection, for the people an event touched (the identity consumer):
 * blocking in SQL against the stored keys (self-join of people on shared keys, blocks larger
 * than BLOCK_CAP dropped as uninformative: an email shared by 500 people is a team inbox),
 * scoring in Node with the pure rules. The full scan of a workspace is workspace-scan.ts.
 */
export const BLOCK_CAP = 25;
/**
 * Blocks of a name-only key (n:, i:) are capped lower: at a million people a common surname
 * with a first initial ("Smith, J.") holds dozens of unrelated people, and those blocks were
 * three quarters of all compared pairs. Evidence keys (email, phone, external id, company)
 * keep BLOCK_CAP. Incremental detection and the full scan use the same caps.
 */
export const NAME_BLOCK_CAP = 12;
const PAIR_CHUNK = 10_000;

/** Rebuilds the blocking keys of these people from their current record. */
export async function refreshKeys(tx: Transaction<DB>, ws: string, ids: string[]): Promise<PersonProfile[]> {
  const profiles = await repo.profiles(tx, ws, ids);
  await repo.replaceKeys(
    tx,
    ws,
    ids,
    profiles.flatMap((p) => matchKeys(p).map((key) => ({ id: p.id, key }))),
  );
  return profiles;
}

/** Scores pairs chunk by chunk and stores those worth proposing. */
async function scorePairs(tx: Transaction<DB>, ws: string, all: { a: string; b: string }[], stored: CandidateRow[]) {
  for (let i = 0; i < all.length; i += PAIR_CHUNK) {
    const pairs = all.slice(i, i + PAIR_CHUNK);
    const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
    // Each person is prepared once per chunk, however many pairs they are in.
    const byId = new Map((await repo.profiles(tx, ws, ids)).map((p) => [p.id, prepare(p)]));
    const keep: ScoredPair[] = [];
    for (const p of pairs) {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      if (!a || !b || !sharesEvidence(a, b)) continue;
      const s = scorePrepared(a, b);
      if (s.score >= PROPOSE_AT) keep.push({ a: p.a, b: p.b, score: s.score, reasons: s.reasons });
    }
    const rows = await repo.upsertCandidates(tx, ws, keep, uuidv7);
    if (stored.length < 10_000) stored.push(...rows);
  }
}

/** People whose pairs are gathered per statement (their pairs are held in memory). */
const ID_CHUNK = 500;

/**
 * Incremental detection for people that were created, changed, restored or deleted:
 * their keys are rebuilt, their pairs re-scored, and candidates no longer supported
 * withdrawn. Returns the open candidates found (for the auto-merge rules).
 */
export async function detectFor(tx: Transaction<DB>, ws: string, ids: string[]): Promise<CandidateRow[]> {
  if (ids.length === 0) return [];
  await repo.syncRecordIdentities(tx, ws, ids);
  await refreshKeys(tx, ws, ids);
  const stored: CandidateRow[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const pairs = await repo.pairsFor(tx, ws, { name: NAME_BLOCK_CAP, other: BLOCK_CAP }, ids.slice(i, i + ID_CHUNK));
    // A pair of two people of different chunks comes back for both; it is scored once.
    const fresh = ids.length <= ID_CHUNK ? pairs : pairs.filter((p) => !seen.has(`${p.a}${p.b}`) && seen.add(`${p.a}${p.b}`));
    await scorePairs(tx, ws, fresh, stored);
  }
  await repo.withdrawStale(
    tx,
    ws,
    ids,
    stored.map((c) => ({ a: c.contact_a, b: c.contact_b })),
  );
  return stored.filter((c) => c.status === "open");
}

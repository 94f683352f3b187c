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

/** Scores the pairs in `identity_pairs` chunk by chunk and stores those worth proposing. */
async function scorePairs(tx: Transaction<DB>, ws: string) {
  const stored: CandidateRow[] = [];
  let scored = 0;
  let proposed = 0;
  for (let after: { a: string; b: string } | null = null; ; ) {
    const pairs = await repo.pairPage(tx, after, PAIR_CHUNK);
    if (pairs.length === 0) break;
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
    proposed += rows.length;
    if (stored.length < 10_000) stored.push(...rows);
    scored += pairs.length;
    after = pairs[pairs.length - 1] ?? null;
  }
  return { scored, proposed, stored };
}

/**
 * Incremental detection for people that were created, changed, restored or deleted:
 * their keys are rebuilt, their pairs re-scored, and candidates no longer supported
 * withdrawn. Returns the open candidates found (for the auto-merge rules).
 */
export async function detectFor(tx: Transaction<DB>, ws: string, ids: string[]): Promise<CandidateRow[]> {
  if (ids.length === 0) return [];
  await repo.syncRecordIdentities(tx, ws, ids);
  await refreshKeys(tx, ws, ids);
  await repo.buildPairs(tx, ws, { name: NAME_BLOCK_CAP, other: BLOCK_CAP }, ids);
  const { stored } = await scorePairs(tx, ws);
  await repo.withdrawStale(
    tx,
    ws,
    ids,
    stored.map((c) => ({ a: c.contact_a, b: c.contact_b })),
  );
  return stored.filter((c) => c.status === "open");
}

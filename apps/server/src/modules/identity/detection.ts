import { type Kysely, sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { DB } from "../../platform/db/schema.js";
import { PROPOSE_AT, scorePrepared } from "./duplicate-score.rules.js";
import { type CandidateRow, identityRepository as repo, type ScoredPair } from "./identity.repository.js";
import { matchKeys, type PersonProfile, prepare } from "./identity-values.rules.js";

/**
 * Duplicate detection: blocking in SQL (self-join of people on shared keys, blocks larger
 * than BLOCK_CAP dropped as uninformative: an email shared by 500 people is a team inbox),
 * scoring in Node with the pure rules. Used by the full scan job and, for the people an
 * event touched, by the identity consumer.
 */
export const BLOCK_CAP = 25;
const PAIR_CHUNK = 10_000;
const KEY_PAGE = 20_000;

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
async function scorePairs(tx: Kysely<DB> | Transaction<DB>, ws: string, onChunk?: (scored: number) => Promise<void>) {
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
      if (!a || !b) continue;
      const s = scorePrepared(a, b);
      if (s.score >= PROPOSE_AT) keep.push({ a: p.a, b: p.b, score: s.score, reasons: s.reasons });
    }
    const rows = await repo.upsertCandidates(tx, ws, keep, uuidv7);
    proposed += rows.length;
    if (stored.length < 10_000) stored.push(...rows);
    scored += pairs.length;
    after = pairs[pairs.length - 1] ?? null;
    await onChunk?.(scored);
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
  await repo.buildPairs(tx, ws, BLOCK_CAP, ids, "transaction");
  const { stored } = await scorePairs(tx, ws);
  await repo.withdrawStale(
    tx,
    ws,
    ids,
    stored.map((c) => ({ a: c.contact_a, b: c.contact_b })),
  );
  return stored.filter((c) => c.status === "open");
}

export type ScanProgress = {
  phase: "keys" | "pairs" | "scoring" | "done";
  processed: number;
  total: number;
  pairs: number;
  candidates: number;
};

/**
 * The full scan of a workspace: rebuild every key, block, score. One transaction per phase
 * step keeps memory flat; progress is reported after each step.
 */
export async function scanWorkspace(
  db: Kysely<DB>,
  ws: string,
  report: (p: ScanProgress) => Promise<void>,
): Promise<ScanProgress & { ms: { keys: number; pairs: number; scoring: number } }> {
  const started = new Date();
  const total = await repo.countLive(db, ws);
  const t0 = performance.now();
  await repo.clearKeys(db, ws);
  let processed = 0;
  // Pipelined: the next page is read while this one's keys are computed and written.
  let next = repo.profilePage(db, ws, null, KEY_PAGE);
  for (;;) {
    const page = await next;
    if (page.length === 0) break;
    next = repo.profilePage(db, ws, page[page.length - 1]?.id ?? null, KEY_PAGE);
    await repo.insertKeys(
      db,
      ws,
      page.flatMap((p) => matchKeys(p).map((key) => ({ id: p.id, key }))),
    );
    processed += page.length;
    await report({ phase: "keys", processed, total, pairs: 0, candidates: 0 });
  }
  const t1 = performance.now();
  // One pinned connection, statements in autocommit: a scan of minutes must not hold a
  // transaction open, or it would hold back every outbox consumer (they only read events
  // older than the oldest running transaction).
  return db.connection().execute(async (conn) => {
    await sql`SET statement_timeout = '30min'`.execute(conn);
    await sql`SET work_mem = '64MB'`.execute(conn);
    try {
      await sql`ANALYZE identity_match_keys`.execute(conn).catch(() => undefined);
      const pairs = await repo.buildPairs(conn, ws, BLOCK_CAP, null, "session");
      const t2 = performance.now();
      await report({ phase: "scoring", processed: 0, total: pairs, pairs, candidates: 0 });
      const result = await scorePairs(conn, ws, async (scored) => {
        if (scored % (PAIR_CHUNK * 20) === 0) await report({ phase: "scoring", processed: scored, total: pairs, pairs, candidates: 0 });
      });
      await repo.withdrawStale(conn, ws, null, [], started);
      const t3 = performance.now();
      const done = { phase: "done" as const, processed: pairs, total: pairs, pairs, candidates: result.proposed };
      return { ...done, ms: { keys: Math.round(t1 - t0), pairs: Math.round(t2 - t1), scoring: Math.round(t3 - t2) } };
    } finally {
      await sql`DROP TABLE IF EXISTS identity_pairs`.execute(conn);
      await sql`RESET statement_timeout`.execute(conn);
      await sql`RESET work_mem`.execute(conn);
    }
  });
}

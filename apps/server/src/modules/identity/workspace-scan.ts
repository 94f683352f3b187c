import { type Kysely, sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { DB } from "../../platform/db/schema.js";
import { BackgroundWriter } from "./background-writer.js";
import { pairsToScore } from "./block-pairs.rules.js";
import { BLOCK_CAP, NAME_BLOCK_CAP } from "./detection.js";
import { PROPOSE_AT, scorePrepared, sharesEvidence } from "./duplicate-score.rules.js";
import { identityRepository as repo, type ScoredPair } from "./identity.repository.js";
import { type BlockRow, identityScanRepository as scanRepo } from "./identity-scan.repository.js";
import { matchKeys, type Prepared, prepare } from "./identity-values.rules.js";

/** People per fetch while building keys, block rows per fetch while scoring. */
const PEOPLE_PAGE = 10_000;
const FIRST_ID = "00000000-0000-0000-0000-000000000000";
const BLOCK_PAGE = 10_000;
/** Proposed pairs written per statement. */
const PROPOSE_BATCH = 5_000;
/**
 * Pages of keys (≈ 40,000 each) that may wait for the key connection: enough to ride out a
 * slow statement there, few enough for memory (a few MB a page).
 */
const KEY_PAGES_QUEUED = 8;

export type ScanProgress = {
  phase: "keys" | "pairs" | "scoring" | "done";
  processed: number;
  total: number;
  pairs: number;
  candidates: number;
};

type Member = { id: string; keys: string[]; person: Prepared };

/**
 * The full duplicate scan of a workspace, in three phases on a pinned connection, with a
 * second one that stores the keys alongside (decision 0028):
 * 1. keys: every live person is read once, page by page in id order (the next page is read
 *    while Node computes the keys of this one), and the blocking keys go into a temporary
 *    table. Each page's keys also go to the same temporary table of the second connection,
 *    which then brings the stored keys in line with them (the identity consumer blocks new
 *    people against them) while blocking and scoring run on the first: PostgreSQL's index
 *    maintenance on one core, blocking and scoring on the other;
 * 2. blocks: the members of every block of 2..BLOCK_CAP people (NAME_BLOCK_CAP for name-only
 *    keys), in SQL;
 * 3. scoring: the members stream back ordered by key with their profiles; each block's pairs
 *    are scored in Node (a pair sharing several blocks once, see block-pairs.rules.ts) and the
 *    proposed ones stored. No pair table, and Node holds one page of rows at a time.
 * The scan ends when the stored keys are complete too.
 * Statements run in autocommit: a scan of minutes must not hold a transaction open, or it
 * would hold back every outbox consumer (they only read events older than the oldest one).
 */
export async function scanWorkspace(
  db: Kysely<DB>,
  ws: string,
  report: (p: ScanProgress) => Promise<void>,
  /** Page sizes; tests use tiny pages to cross page boundaries with a few people. */
  pages = { people: PEOPLE_PAGE, blocks: BLOCK_PAGE },
): Promise<ScanProgress & { ms: { keys: number; storeKeys: number; pairs: number; scoring: number } }> {
  const started = new Date();
  const total = await repo.countLive(db, ws);
  return db.connection().execute(async (conn) =>
    db.connection().execute(async (keyConn) => {
      await sql`SET statement_timeout = '30min'`.execute(conn);
      await sql`SET work_mem = '64MB'`.execute(conn);
      await sql`SET statement_timeout = '30min'`.execute(keyConn);
      const keyStore = new BackgroundWriter(KEY_PAGES_QUEUED);
      try {
        const t0 = performance.now();
        await scanRepo.prepare(conn);
        await scanRepo.prepare(keyConn);
        const tempKeys = new BackgroundWriter(2);
        let processed = 0;
        const nextPage = (after: string) => {
          const page = scanRepo.peoplePage(conn, ws, after, pages.people);
          page.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
          return page;
        };
        for (let page = nextPage(FIRST_ID); ; ) {
          const people = await page;
          if (people.length === 0) break;
          // Queued on the connection before this page's keys: PostgreSQL reads it meanwhile.
          page = nextPage(people[people.length - 1]?.id as string);
          const keys = people.flatMap((p) => matchKeys(p).map((key) => ({ id: p.id, key })));
          await keyStore.add(() => scanRepo.addKeys(keyConn, keys));
          await tempKeys.add(() => scanRepo.addKeys(conn, keys));
          processed += people.length;
          await report({ phase: "keys", processed, total, pairs: 0, candidates: 0 });
        }
        await tempKeys.finish();
        await keyStore.add(() => scanRepo.storeKeys(keyConn, ws));
        const t1 = performance.now();

        const blocks = await scanRepo.buildBlocks(conn, { name: NAME_BLOCK_CAP, other: BLOCK_CAP });
        await scanRepo.openBlocks(conn, ws);
        const t2 = performance.now();
        await report({ phase: "scoring", processed: 0, total: blocks.members, pairs: 0, candidates: 0 });

        const decided = await scanRepo.decidedPairs(conn, ws);
        let scored = 0;
        let proposed = 0;
        let rowsRead = 0;
        let keep: ScoredPair[] = [];
        const flush = async () => {
          proposed += (await repo.upsertCandidates(conn, ws, keep, uuidv7)).length;
          keep = [];
        };
        const scoreBlock = (key: string, members: Member[]) => {
          for (const [a, b] of pairsToScore(key, members)) {
            scored++;
            if (!sharesEvidence(a.person, b.person) || decided.has(`${a.id}|${b.id}`)) continue;
            const s = scorePrepared(a.person, b.person);
            if (s.score >= PROPOSE_AT) keep.push({ a: a.id, b: b.id, score: s.score, reasons: s.reasons });
          }
        };
        // A block may straddle two pages: the last, possibly incomplete one waits for the next.
        let blockKey: string | null = null;
        let members: Member[] = [];
        for (;;) {
          const rows: BlockRow[] = await scanRepo.nextBlockRows(conn, pages.blocks);
          for (const row of rows) {
            if (row.key !== blockKey) {
              if (blockKey !== null) scoreBlock(blockKey, members);
              blockKey = row.key;
              members = [];
            }
            members.push({ id: row.person.id, keys: row.keys, person: prepare(row.person) });
          }
          if (rows.length === 0) break;
          rowsRead += rows.length;
          if (keep.length >= PROPOSE_BATCH) await flush();
          await report({ phase: "scoring", processed: rowsRead, total: blocks.members, pairs: scored, candidates: proposed });
        }
        if (blockKey !== null) scoreBlock(blockKey, members);
        await flush();
        await scanRepo.closeBlocks(conn);
        await repo.withdrawStale(conn, ws, null, [], started);
        const t3 = performance.now();
        await keyStore.finish();
        const t4 = performance.now();
        const done = { phase: "done" as const, processed: scored, total: scored, pairs: scored, candidates: proposed };
        // storeKeys: how long the scan still waited for the stored keys after scoring.
        const ms = { keys: t1 - t0, storeKeys: t4 - t3, pairs: t2 - t1, scoring: t3 - t2 };
        return { ...done, ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])) as typeof ms };
      } finally {
        // A failed scan still waits for its key store: the connection goes back to the pool idle.
        await keyStore.finish().catch(() => undefined);
        await scanRepo.dropAll(conn);
        await scanRepo.dropAll(keyConn);
        await sql`RESET statement_timeout`.execute(conn);
        await sql`RESET work_mem`.execute(conn);
        await sql`RESET statement_timeout`.execute(keyConn);
      }
    }),
  );
}

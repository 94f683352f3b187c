import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import PgBoss from "pg-boss";
import type { DB } from "../../platform/db/schema.js";
import type { JobDefinition } from "../../platform/jobs/queue.js";
import { reviewRepository } from "./identity-review.repository.js";
import { scanWorkspace } from "./workspace-scan.js";

export const SCAN_JOB = "identity.scan";
export type ScanJobData = { workspaceId: string; scanId: string };

type Q = Kysely<DB> | Transaction<DB>;
const executor = (q: Q) => ({
  executeSql: async (text: string, values: unknown[] = []) => ({ rows: (await q.executeQuery(CompiledQuery.raw(text, values))).rows }),
});

/**
 * Enqueues full scans from the API (which runs no worker), in the caller's transaction:
 * a scan is queued exactly when its request was committed.
 */
export class ScanQueue {
  private readonly boss: PgBoss;
  private ready: Promise<void> | undefined;

  constructor(db: Kysely<DB>) {
    this.boss = new PgBoss({ db: executor(db), schema: "pgboss", supervise: false, schedule: false });
  }

  async enqueue(q: Q, data: ScanJobData): Promise<void> {
    this.ready ??= this.boss.createQueue(SCAN_JOB, { name: SCAN_JOB, retryLimit: 2, retryBackoff: true }).catch((err) => {
      this.ready = undefined;
      throw err;
    });
    await this.ready;
    await this.boss.send(SCAN_JOB, data, { db: executor(q), singletonKey: data.workspaceId });
  }
}

/**
 * The full duplicate scan as a worker job, with progress in duplicate_scans. A retried job
 * starts the scan over: every phase rebuilds what it writes, so nothing is counted twice.
 */
export async function runScan(db: Kysely<DB>, data: ScanJobData) {
  const { workspaceId: ws, scanId } = data;
  try {
    await reviewRepository.updateScan(db, ws, scanId, {
      status: "running",
      phase: "keys",
      processed: 0,
      total: 0,
      pairs: 0,
      candidates: 0,
    });
    const result = await scanWorkspace(db, ws, (p) =>
      reviewRepository.updateScan(db, ws, scanId, { status: "running", ...p }).then(() => undefined),
    );
    await reviewRepository.updateScan(db, ws, scanId, { status: "done", ...result, phase: "done" });
    return result;
  } catch (err) {
    await reviewRepository.updateScan(db, ws, scanId, {
      status: "failed",
      phase: "failed",
      processed: 0,
      total: 0,
      pairs: 0,
      candidates: 0,
      error: err instanceof Error ? err.message : String(err),
    });
    throw err;
  }
}

export function identityJobs(deps: { db: Kysely<DB> }): JobDefinition[] {
  return [{ name: SCAN_JOB, retryLimit: 2, handler: (data) => runScan(deps.db, data as ScanJobData).then(() => undefined) }];
}

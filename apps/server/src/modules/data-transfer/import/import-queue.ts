import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import PgBoss from "pg-boss";
import type { DB } from "../../../platform/db/schema.js";

export const IMPORT_JOB = "data-transfer.import";
export const IMPORT_JOB_RETRIES = 5;
export type ImportJobData = { workspaceId: string; importId: string };

type Q = Kysely<DB> | Transaction<DB>;

/** pg-boss's SQL runs on a Kysely connection or transaction. */
const executor = (q: Q) => ({
  executeSql: async (text: string, values: unknown[] = []) => ({ rows: (await q.executeQuery(CompiledQuery.raw(text, values))).rows }),
});

/**
 * Enqueues import jobs from the API (which does not run a worker): the job row is written in
 * the caller's transaction, so an import is queued exactly when its start was committed.
 * The queue is created with the options the worker registers it with.
 */
export class ImportQueue {
  private readonly boss: PgBoss;
  private ready: Promise<void> | undefined;

  constructor(db: Kysely<DB>) {
    this.boss = new PgBoss({ db: executor(db), schema: "pgboss", supervise: false, schedule: false });
  }

  async enqueue(q: Q, data: ImportJobData): Promise<void> {
    this.ready ??= this.boss
      .createQueue(IMPORT_JOB, { name: IMPORT_JOB, retryLimit: IMPORT_JOB_RETRIES, retryBackoff: true })
      .catch((err) => {
        this.ready = undefined;
        throw err;
      });
    await this.ready;
    await this.boss.send(IMPORT_JOB, data, { db: executor(q) });
  }
}

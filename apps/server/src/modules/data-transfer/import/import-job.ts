import type { Kysely } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import type { JobDefinition } from "../../../platform/jobs/queue.js";
import type { FileStorage } from "../../../platform/storage/storage.js";
import { applyBatch, type ParsedRow, PositionMoved } from "./apply-batch.js";
import { applyCompanyBatch, type CompanyParsedRow } from "./company-batch.js";
import { readCompanyRow } from "./company-values.rules.js";
import type { Encoding } from "./encoding.rules.js";
import { loadRunContext } from "./import-context.js";
import { openRecords } from "./import-file.js";
import { IMPORT_JOB, IMPORT_JOB_RETRIES, type ImportJobData, ImportQueue } from "./import-queue.js";
import { type ImportRow, importsRepository } from "./imports.repository.js";
import { readRow } from "./row-values.rules.js";
import { TableStatistics } from "./table-statistics.js";

export type ImportJobDeps = { db: Kysely<DB>; storage: FileStorage };
export type RunOptions = {
  batchRows?: number;
  /** Stop (and leave the import running, to be resumed) after this many batches. */
  maxBatches?: number;
  /** Stop at the first batch boundary after this time (ms since the epoch). */
  deadline?: number;
  onProgress?: (row: ImportRow) => void;
  /** Runs inside each batch's transaction after its writes (tests use it to crash a batch before it commits). */
  beforeCommit?: (position: number) => Promise<void>;
};
export type RunOutcome = "completed" | "paused" | "stopped" | "failed";

/** Rows per transaction: large enough that each statement's fixed cost vanishes, small enough to keep memory flat. */
export const BATCH_ROWS = 10_000;
/** A job works this long and then hands over to a fresh job, so no job outlives pg-boss's expiry. */
const SLICE_MS = 5 * 60_000;

/** Errors of the file itself (not of the database): retrying cannot help. */
const isFileError = (err: unknown) =>
  typeof (err as { code?: unknown }).code === "string" && /^(CSV_|ENOENT)/.test((err as { code: string }).code);

/**
 * Runs (or resumes) an import: reads the file from the start, skips the rows already applied
 * (`rows_done`, committed with each batch) and applies the rest in batches. A crash anywhere
 * loses at most the batch in flight, which was never committed; the next run starts there.
 */
export async function runImport(deps: ImportJobDeps, ref: ImportJobData, opts: RunOptions = {}): Promise<RunOutcome> {
  const { db } = deps;
  const ws = ref.workspaceId;
  let row = await importsRepository.byId(db, ws, ref.importId, null);
  if (!row || (row.status !== "queued" && row.status !== "running")) return "stopped";
  if (row.status === "queued") row = await importsRepository.update(db, ws, row.id, { status: "running", started_at: new Date() });
  const ctx = await loadRunContext(db, row);
  const batchRows = opts.batchRows ?? BATCH_ROWS;
  const resumeAt = Number(row.rows_done);
  let position = resumeAt;
  let batch: (ParsedRow | CompanyParsedRow)[] = [];
  let batches = 0;
  const statistics = new TableStatistics(db);
  // Files of companies have their own reading and writing; people take the original path.
  const companies = ctx.objectType === "company";
  const read = companies ? readCompanyRow : readRow;
  const apply = async (rows: (ParsedRow | CompanyParsedRow)[]) => {
    const startedAt = Date.now();
    const counts = await db.transaction().execute(async (tx) => {
      const c = companies
        ? await applyCompanyBatch(tx, ctx, position, rows as CompanyParsedRow[], startedAt)
        : await applyBatch(tx, ctx, position, rows as ParsedRow[], startedAt);
      await opts.beforeCommit?.(position);
      return c;
    });
    position += rows.length;
    batches++;
    if (!ctx.dryRun) await statistics.grew(counts.created);
    if (opts.onProgress) opts.onProgress(await importsRepository.byId(db, ws, ref.importId, null).then((r) => r as ImportRow));
  };
  // One batch is written while the next is read and checked: the file's parsing (Node) and
  // the writes (PostgreSQL) use a core each. Batches still commit one after the other.
  let writing: Promise<void> | undefined;
  const records = await openRecords(deps.storage, row.storage_key, { encoding: row.encoding as Encoding, delimiter: row.delimiter });
  try {
    let index = -1;
    for await (const cells of records) {
      // Record 0 is the header; data rows before the position were applied by earlier runs.
      if (index++ < resumeAt) continue;
      const { values, errors } = read(cells, ctx.row);
      batch.push({ rowNumber: index + 1, values, errors } as ParsedRow | CompanyParsedRow);
      if (batch.length >= batchRows) {
        await writing;
        if ((opts.maxBatches && batches >= opts.maxBatches) || (opts.deadline && Date.now() > opts.deadline)) return "paused";
        writing = apply(batch);
        // Its failure is handled where it is awaited (next batch or the end), not as unhandled.
        writing.catch(() => {});
        batch = [];
      }
    }
    await writing;
    if (batch.length > 0) await apply(batch);
  } catch (err) {
    if (err instanceof PositionMoved) return "stopped";
    const message = `row ${position + 2}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 1000);
    if (isFileError(err)) {
      await writing?.catch(() => {});
      await importsRepository.update(db, ws, ref.importId, { status: "failed", last_error: message, finished_at: new Date() });
      return "failed";
    }
    await importsRepository.update(db, ws, ref.importId, { last_error: message });
    throw err;
  } finally {
    records.destroy();
  }
  await importsRepository.update(db, ws, ref.importId, { status: "completed", finished_at: new Date(), last_error: null });
  return "completed";
}

/** The worker's import job: a slice of work, then a fresh job for the rest. */
export function importJobs(deps: ImportJobDeps): JobDefinition[] {
  const queue = new ImportQueue(deps.db);
  return [
    {
      name: IMPORT_JOB,
      retryLimit: IMPORT_JOB_RETRIES,
      async handler(data) {
        const ref = data as ImportJobData;
        if ((await runImport(deps, ref, { deadline: Date.now() + SLICE_MS })) === "paused") await queue.enqueue(deps.db, ref);
      },
    },
  ];
}

import { sql, type Transaction } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import type { ImportRunContext } from "./import-context.js";
import { withImports } from "./imports.tables.js";
import type { RowError } from "./row-values.rules.js";

/**
 * The bookkeeping every import batch does, whatever it imports (people, companies): claim the
 * batch by its position, check the owners named in its rows, and record its outcome (keys
 * seen, error report rows, the new position with the counters) in the batch's transaction.
 */

export type BatchCounts = { created: number; updated: number; skipped: number; failed: number };
export type BatchError = { row: number; column: string; reason: string };

/** Another run of the same import applied this position first: this run stops. */
export class PositionMoved extends Error {
  constructor() {
    super("the import moved on in another run");
  }
}

/**
 * Claims the batch that starts at `start`, so two runs of one import (a retried job next to a
 * slow one) can never apply a row twice: the second finds the position moved and rolls back.
 */
export async function claimBatch(tx: Transaction<DB>, ctx: ImportRunContext, start: number) {
  // The batch commits with its position, so a commit lost in a crash (at most the last
  // ~0.6 s of commits, never a torn one) loses the batch and the position together: the
  // resumed run applies the batch again from the recorded position, no row twice. Waiting
  // for the WAL flush at every commit buys nothing here (decision 0020).
  await sql`SET LOCAL synchronous_commit = off`.execute(tx);
  const claimed = await withImports(tx)
    .updateTable("imports")
    .set({ updated_at: sql`now()` })
    .where("workspace_id", "=", ctx.ws)
    .where("id", "=", ctx.importId)
    .where("rows_done", "=", start)
    .where("status", "=", "running")
    .returning("id")
    .executeTakeFirst();
  if (!claimed) throw new PositionMoved();
}

/** Resolves the owner each row names (by email); a row with any error goes to the report instead. */
export function checkOwners<V extends { owner?: string | null | undefined }>(
  ctx: ImportRunContext,
  rows: { rowNumber: number; values: V; errors: RowError[] }[],
) {
  const ownerColumn = ctx.row.headers[ctx.row.mapping.indexOf("owner")] ?? "owner";
  const errors: BatchError[] = [];
  const ready: { rowNumber: number; values: V; ownerId: string | undefined }[] = [];
  for (const r of rows) {
    const rowErrors = [...r.errors];
    let ownerId: string | undefined;
    if (r.values.owner) {
      const owner = ctx.resolveOwner(r.values.owner);
      if ("error" in owner) rowErrors.push({ column: ownerColumn, reason: owner.error });
      else ownerId = owner.id;
    }
    if (rowErrors.length === 0) ready.push({ rowNumber: r.rowNumber, values: r.values, ownerId });
    else errors.push(...rowErrors.map((e) => ({ row: r.rowNumber, ...e })));
  }
  return { ready, errors, failed: rows.length - ready.length };
}

/** Writes the keys the batch saw, its error report rows and the new position with the counters. */
export async function recordBatch(
  tx: Transaction<DB>,
  ctx: ImportRunContext,
  batch: { start: number; size: number; startedAt: number; newKeys: [string, string][]; errors: BatchError[]; counts: BatchCounts },
) {
  const { ws, importId } = ctx;
  const { newKeys, errors, counts } = batch;
  if (newKeys.length > 0) {
    await sql`INSERT INTO import_keys (workspace_id, import_id, key, entity_id)
              SELECT ${ws}::uuid, ${importId}::uuid, k.key, k.id
                FROM unnest(${newKeys.map((k) => k[0])}::text[], ${newKeys.map((k) => k[1])}::uuid[]) AS k(key, id)
              ON CONFLICT DO NOTHING`.execute(tx);
  }
  if (errors.length > 0) {
    let n = 0;
    const seqs = errors.map((e, i) => (n = i > 0 && errors[i - 1]?.row === e.row ? n + 1 : 1));
    await sql`INSERT INTO import_errors (workspace_id, import_id, row_number, seq, column_name, reason)
              SELECT ${ws}::uuid, ${importId}::uuid, e.row_number, e.seq, e.column_name, e.reason
                FROM unnest(${errors.map((e) => e.row)}::bigint[], ${seqs}::int[], ${errors.map((e) => e.column.slice(0, 500))}::text[],
                            ${errors.map((e) => e.reason.slice(0, 500))}::text[]) AS e(row_number, seq, column_name, reason)`.execute(tx);
  }
  await withImports(tx)
    .updateTable("imports")
    .set({
      rows_done: batch.start + batch.size,
      created_count: sql`created_count + ${counts.created}`,
      updated_count: sql`updated_count + ${counts.updated}`,
      skipped_count: sql`skipped_count + ${counts.skipped}`,
      failed_count: sql`failed_count + ${counts.failed}`,
      busy_ms: sql`busy_ms + ${Date.now() - batch.startedAt}`,
    })
    .where("workspace_id", "=", ws)
    .where("id", "=", importId)
    .execute();
}

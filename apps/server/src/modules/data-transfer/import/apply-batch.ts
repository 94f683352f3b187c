import { sql, type Transaction } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { contactTokens } from "../../contacts/index.js";
import { indexRecords, insertContacts, insertUpdatedEvents, linkCompanies, updateContacts } from "./contact-batch-writes.js";
import { updatedPayload } from "./contact-events.rules.js";
import { resolveCompanies } from "./import-companies.js";
import type { ImportRunContext } from "./import-context.js";
import { addImportedIdentities } from "./import-identities.js";
import { withImports } from "./imports.tables.js";
import { type Plan, planBatch, type ReadyRow } from "./plan-batch.js";
import type { ImportValues, RowError } from "./row-values.rules.js";

export type ParsedRow = { rowNumber: number; values: ImportValues; errors: RowError[] };
export type BatchCounts = { created: number; updated: number; skipped: number; failed: number };

/** Another run of the same import applied this position first: this run stops. */
export class PositionMoved extends Error {
  constructor() {
    super("the import moved on in another run");
  }
}

/**
 * Applies one batch of rows in the caller's transaction: the people, their companies and
 * search tokens, the undo records, the keys seen, the error report, one summary event, and
 * the new position with the counters. The batch is claimed by its start position, so two
 * runs of one import (a retried job next to a slow one) can never apply a row twice: the
 * second finds the position moved and rolls back.
 */
export async function applyBatch(
  tx: Transaction<DB>,
  ctx: ImportRunContext,
  start: number,
  rows: ParsedRow[],
  startedAt: number,
): Promise<BatchCounts> {
  const t = withImports(tx);
  const ws = ctx.ws;
  // The batch commits with its position, so a commit lost in a crash (at most the last
  // ~0.6 s of commits, never a torn one) loses the batch and the position together: the
  // resumed run applies the batch again from the recorded position, no row twice. Waiting
  // for the WAL flush at every commit buys nothing here (decision 0020).
  await sql`SET LOCAL synchronous_commit = off`.execute(tx);
  const claimed = await t
    .updateTable("imports")
    .set({ updated_at: sql`now()` })
    .where("workspace_id", "=", ws)
    .where("id", "=", ctx.importId)
    .where("rows_done", "=", start)
    .where("status", "=", "running")
    .returning("id")
    .executeTakeFirst();
  if (!claimed) throw new PositionMoved();

  const ownerColumn = ctx.row.headers[ctx.row.mapping.indexOf("owner")] ?? "owner";
  const errors: { row: number; column: string; reason: string }[] = [];
  const ready: ReadyRow[] = [];
  let failed = 0;
  for (const r of rows) {
    const rowErrors = [...r.errors];
    let ownerId: string | undefined;
    if (r.values.owner) {
      const owner = ctx.resolveOwner(r.values.owner);
      if ("error" in owner) rowErrors.push({ column: ownerColumn, reason: owner.error });
      else ownerId = owner.id;
    }
    if (rowErrors.length === 0) ready.push({ rowNumber: r.rowNumber, values: r.values, ownerId });
    else {
      failed++;
      errors.push(...rowErrors.map((e) => ({ row: r.rowNumber, ...e })));
    }
  }

  const plan = await planBatch(tx, ctx, ready);
  if (!ctx.dryRun) await writePlans(tx, ctx, plan.plans, { from: start + 2, to: start + rows.length + 1, skipped: plan.skipped, failed });
  if (plan.newKeys.length > 0) {
    await sql`INSERT INTO import_keys (workspace_id, import_id, key, entity_id)
              SELECT ${ws}::uuid, ${ctx.importId}::uuid, k.key, k.id
                FROM unnest(${plan.newKeys.map((k) => k[0])}::text[], ${plan.newKeys.map((k) => k[1])}::uuid[]) AS k(key, id)
              ON CONFLICT DO NOTHING`.execute(tx);
  }
  if (errors.length > 0) {
    let n = 0;
    const seqs = errors.map((e, i) => (n = i > 0 && errors[i - 1]?.row === e.row ? n + 1 : 1));
    await sql`INSERT INTO import_errors (workspace_id, import_id, row_number, seq, column_name, reason)
              SELECT ${ws}::uuid, ${ctx.importId}::uuid, e.row_number, e.seq, e.column_name, e.reason
                FROM unnest(${errors.map((e) => e.row)}::bigint[], ${seqs}::int[], ${errors.map((e) => e.column.slice(0, 500))}::text[],
                            ${errors.map((e) => e.reason.slice(0, 500))}::text[]) AS e(row_number, seq, column_name, reason)`.execute(tx);
  }
  const counts = { created: plan.created, updated: plan.updated, skipped: plan.skipped, failed };
  await t
    .updateTable("imports")
    .set({
      rows_done: start + rows.length,
      created_count: sql`created_count + ${counts.created}`,
      updated_count: sql`updated_count + ${counts.updated}`,
      skipped_count: sql`skipped_count + ${counts.skipped}`,
      failed_count: sql`failed_count + ${counts.failed}`,
      busy_ms: sql`busy_ms + ${Date.now() - startedAt}`,
    })
    .where("workspace_id", "=", ws)
    .where("id", "=", ctx.importId)
    .execute();
  return counts;
}

/** The database writes of a batch's plans (never in a dry run). */
async function writePlans(
  tx: Transaction<DB>,
  ctx: ImportRunContext,
  plans: Plan[],
  batch: { from: number; to: number; skipped: number; failed: number },
) {
  const ws = ctx.ws;
  const real = plans.filter((p) => !p.phantom);
  const companies = await resolveCompanies(
    tx,
    { ws, visibility: ctx.visibility, ownerId: ctx.defaultOwner, companyDefs: ctx.companyDefs },
    real.flatMap((p) => (p.company ? [p.company] : [])),
  );
  const companyOf = (p: Plan) => (p.company ? companies.ids.get(p.company) : undefined);
  const creates = real.filter((p) => p.action === "create");
  const updates = real.filter((p) => p.action === "update");
  // The people and their contact.created events (one per person, as createContact writes).
  await insertContacts(
    tx,
    ctx.actor,
    creates.map((p) => ({ id: p.id, values: p.next, companyId: companyOf(p) })),
  );
  await updateContacts(
    tx,
    ws,
    updates.map((p) => ({ id: p.id, values: p.next })),
  );
  await insertUpdatedEvents(
    tx,
    ctx.actor,
    updates.flatMap((p) => {
      if (!p.before) return [];
      const companyId = companyOf(p);
      const after = companyId && !p.before.companyIds.includes(companyId) ? [...p.before.companyIds, companyId] : p.before.companyIds;
      const payload = updatedPayload(p.before, p.before.companyIds, p.next, after);
      return payload ? [{ id: p.id, payload }] : [];
    }),
  );
  const links = (list: Plan[]) =>
    list.flatMap((p) => {
      const companyId = companyOf(p);
      return companyId ? [{ contactId: p.id, companyId }] : [];
    });
  await linkCompanies(tx, ws, links(creates), { fresh: true });
  await linkCompanies(tx, ws, links(updates));
  const tokens = (list: Plan[]) => list.map((p) => ({ id: p.id, tokens: contactTokens(p.next, ctx.contactDefs) }));
  await indexRecords(tx, ws, "p", tokens(creates), { fresh: true });
  await indexRecords(tx, ws, "p", tokens(updates));
  await addImportedIdentities(tx, ctx, real);
  // What undo needs: who was created, and what updated people looked like before.
  const applied = [
    ...real.map((p) => ({ entity: "p", id: p.id, action: p.action === "create" ? "c" : "u", row: p.rowNumber, before: p.before })),
    ...companies.created.map((id) => ({ entity: "c", id, action: "c", row: batch.from, before: null })),
  ];
  if (applied.length > 0) {
    await sql`INSERT INTO import_rows (workspace_id, import_id, entity_type, entity_id, action, row_number, before)
              SELECT ${ws}::uuid, ${ctx.importId}::uuid, a.entity_type, a.entity_id, a.action, a.row_number, a.before
                FROM unnest(${applied.map((a) => a.entity)}::text[], ${applied.map((a) => a.id)}::uuid[], ${applied.map((a) => a.action)}::text[],
                            ${applied.map((a) => a.row)}::bigint[], ${applied.map((a) => (a.before ? JSON.stringify(a.before) : null))}::jsonb[])
                     AS a(entity_type, entity_id, action, row_number, before)
              ON CONFLICT DO NOTHING`.execute(tx);
  }
  await recordEvent(tx, ctx.actor, {
    type: "import.rows_applied",
    entityType: "import",
    entityId: ctx.importId,
    // The people have their own events; this one says how far the import got.
    payload: {
      rows: { from: batch.from, to: batch.to },
      created: creates.length,
      updated: updates.length,
      companyIds: companies.created,
      skipped: batch.skipped,
      failed: batch.failed,
    },
  });
}

import { sql, type Transaction } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { contactTokens } from "../../contacts/index.js";
import { type BatchCounts, checkOwners, claimBatch, recordBatch } from "./batch-ledger.js";
import { indexRecords, insertContacts, insertUpdatedEvents, linkCompanies, updateContacts } from "./contact-batch-writes.js";
import { updatedPayload } from "./contact-events.rules.js";
import { resolveCompanies } from "./import-companies.js";
import type { ImportRunContext } from "./import-context.js";
import { addImportedIdentities } from "./import-identities.js";
import { type Plan, planBatch } from "./plan-batch.js";
import type { ImportValues, RowError } from "./row-values.rules.js";

export type ParsedRow = { rowNumber: number; values: ImportValues; errors: RowError[] };
export { type BatchCounts, PositionMoved } from "./batch-ledger.js";

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
  await claimBatch(tx, ctx, start);
  const { ready, errors, failed } = checkOwners(ctx, rows);

  const plan = await planBatch(tx, ctx, ready);
  if (!ctx.dryRun) await writePlans(tx, ctx, plan.plans, { from: start + 2, to: start + rows.length + 1, skipped: plan.skipped, failed });
  const counts = { created: plan.created, updated: plan.updated, skipped: plan.skipped, failed };
  await recordBatch(tx, ctx, { start, size: rows.length, startedAt, newKeys: plan.newKeys, errors, counts });
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

import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { type CompanyRow, companySnapshot, companyTokens, presentCompany } from "../../companies/index.js";
import { ownerVisible } from "../../records/index.js";
import { checkOwners, claimBatch, recordBatch } from "./batch-ledger.js";
import { insertCompanies, insertCompanyEvents, updateCompanies } from "./company-batch-writes.js";
import { applyCompanyRow, emptyCompany, pickStoredCompany, type StoredCompany } from "./company-merge.rules.js";
import type { CompanyImportValues } from "./company-values.rules.js";
import { indexRecords } from "./contact-batch-writes.js";
import type { ImportRunContext } from "./import-context.js";
import { withImports } from "./imports.tables.js";
import type { RowError } from "./row-values.rules.js";

export type CompanyParsedRow = { rowNumber: number; values: CompanyImportValues; errors: RowError[] };
type ReadyRow = { rowNumber: number; values: CompanyImportValues; ownerId: string | undefined; nameKey: string };
type Plan = {
  id: string;
  action: "create" | "update";
  rowNumber: number;
  before: StoredCompany | null;
  /** The stored row as it was (updates only): the `company.updated` event diffs against it. */
  row?: CompanyRow;
  next: StoredCompany;
  /** Known only from an earlier batch of a dry run: counted, never written. */
  phantom?: boolean;
};

/** Two values of a company's domain do not tell apart two companies of one name when either is unknown. */
const compatible = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a === b;

/**
 * Applies one batch of a companies file, like `applyBatch` does for people: claims the batch
 * by its position, matches each row to a company (of an earlier row of the file, then an
 * existing one the importer can see) by domain, else by name folded as search folds it, and
 * writes the companies, their events and search tokens, the undo records, the keys seen,
 * the error report and the counters in the caller's transaction.
 */
export async function applyCompanyBatch(
  tx: Transaction<DB>,
  ctx: ImportRunContext,
  start: number,
  rows: CompanyParsedRow[],
  startedAt: number,
) {
  await claimBatch(tx, ctx, start);
  const { ready: valid, errors, failed } = checkOwners(ctx, rows);
  // Names are folded by the database, exactly as the companies' name_key column is.
  const names = [...new Set(valid.map((r) => r.values.name))];
  const folded = names.length
    ? new Map(
        (await sql<{ n: string; k: string }>`SELECT n, rapport_fold(n) AS k FROM unnest(${names}::text[]) AS n`.execute(tx)).rows.map(
          (r) => [r.n, r.k],
        ),
      )
    : new Map<string, string>();
  const ready: ReadyRow[] = valid.map((r) => ({ ...r, nameKey: folded.get(r.values.name) ?? r.values.name }));

  const plan = await planCompanies(tx, ctx, ready);
  if (!ctx.dryRun)
    await writeCompanyPlans(tx, ctx, plan.plans, { from: start + 2, to: start + rows.length + 1, skipped: plan.skipped, failed });
  const counts = { created: plan.created, updated: plan.updated, skipped: plan.skipped, failed };
  await recordBatch(tx, ctx, { start, size: rows.length, startedAt, newKeys: plan.newKeys, errors, counts });
  return counts;
}

const keysOf = (r: ReadyRow) => [...(r.values.domain ? [`d:${r.values.domain}`] : []), `n:${r.nameKey}`];

/** Decides row by row, in file order, whether each row creates a company, updates one or is skipped. */
async function planCompanies(tx: Transaction<DB>, ctx: ImportRunContext, rows: ReadyRow[]) {
  const ws = ctx.ws;
  const allKeys = [...new Set(rows.flatMap(keysOf))];
  const seenRows = allKeys.length
    ? await withImports(tx)
        .selectFrom("import_keys")
        .select(["key", "entity_id"])
        .where("workspace_id", "=", ws)
        .where("import_id", "=", ctx.importId)
        .where("key", "=", sql<string>`ANY(${allKeys}::text[])`)
        .execute()
    : [];
  const seen = new Map(seenRows.map((r) => [r.key, r.entity_id]));
  const domains = [...new Set(rows.flatMap((r) => (r.values.domain && !seen.has(`d:${r.values.domain}`) ? [r.values.domain] : [])))];
  const nameKeys = [...new Set(rows.flatMap((r) => (seen.has(`n:${r.nameKey}`) ? [] : [r.nameKey])))];
  const matchedRows =
    ctx.onMatch === "create" || (domains.length === 0 && nameKeys.length === 0)
      ? []
      : (
          await sql<CompanyRow>`SELECT co.* FROM companies co
             WHERE co.workspace_id = ${ws}::uuid AND co.deleted_at IS NULL AND ${ownerVisible("co", ctx.visibility)}
               AND (co.domain = ANY(${domains}::citext[]) OR co.name_key = ANY(${nameKeys}::text[]))
             ORDER BY co.created_at, co.id FOR UPDATE`.execute(tx)
        ).rows;
  const earlierIds = ctx.dryRun ? [] : [...new Set(seen.values())];
  const earlierRows = earlierIds.length
    ? (
        await sql<CompanyRow>`SELECT co.* FROM companies co WHERE co.workspace_id = ${ws}::uuid AND co.id = ANY(${earlierIds}::uuid[])
                              ORDER BY co.created_at, co.id FOR UPDATE`.execute(tx)
      ).rows
    : [];
  const byId = new Map([...matchedRows, ...earlierRows].map((r) => [r.id, r]));
  const byDomain = new Map<string, CompanyRow>();
  const byName = new Map<string, CompanyRow[]>();
  for (const r of matchedRows) {
    if (r.domain && !byDomain.has(r.domain.toLowerCase())) byDomain.set(r.domain.toLowerCase(), r);
    byName.set(r.name_key, [...(byName.get(r.name_key) ?? []), r]);
  }

  const plans = new Map<string, Plan>();
  const keys = new Map(seen);
  let created = 0;
  let updated = 0;
  let skipped = 0;
  const domainOf = (id: string) => plans.get(id)?.next.domain ?? byId.get(id)?.domain ?? null;
  for (const row of rows) {
    const d = row.values.domain;
    // A domain names one company; a name only when the domains do not tell the two apart.
    let id = d ? keys.get(`d:${d}`) : undefined;
    const byNameKey = keys.get(`n:${row.nameKey}`);
    if (!id && byNameKey && compatible(d, domainOf(byNameKey))) id = byNameKey;
    if (!id && d) id = byDomain.get(d)?.id;
    if (!id) id = byName.get(row.nameKey)?.find((c) => compatible(d, c.domain))?.id;
    let plan = id ? plans.get(id) : undefined;
    if (!id) {
      id = uuidv7();
      plan = {
        id,
        action: "create",
        rowNumber: row.rowNumber,
        before: null,
        next: applyCompanyRow(emptyCompany(ctx.defaultOwner), row.values, row.ownerId),
      };
      plans.set(id, plan);
      created++;
    } else if (ctx.onMatch === "skip") {
      skipped++;
    } else {
      if (!plan) {
        const existing = byId.get(id);
        plan = existing
          ? {
              id,
              action: "update",
              rowNumber: row.rowNumber,
              before: pickStoredCompany(existing),
              row: existing,
              next: pickStoredCompany(existing),
            }
          : { id, action: "update", rowNumber: row.rowNumber, before: null, next: emptyCompany(null), phantom: true };
        plans.set(id, plan);
      }
      plan.next = applyCompanyRow(plan.next, row.values, row.ownerId);
      updated++;
    }
    for (const k of keysOf(row)) if (!keys.has(k)) keys.set(k, id);
  }
  const newKeys = [...keys].filter(([k]) => !seen.has(k));
  return { plans: [...plans.values()], created, updated, skipped, newKeys };
}

/** A company row as the companies module would read it back: for its event payloads. */
function asRow(ws: string, id: string, v: StoredCompany, base?: CompanyRow): CompanyRow {
  const now = new Date();
  return {
    workspace_id: ws,
    id,
    size: null,
    social: {},
    lifecycle_stage: "lead",
    last_interaction_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    name_key: "",
    ...base,
    ...v,
  } as CompanyRow;
}

async function writeCompanyPlans(
  tx: Transaction<DB>,
  ctx: ImportRunContext,
  plans: Plan[],
  batch: { from: number; to: number; skipped: number; failed: number },
) {
  const ws = ctx.ws;
  const real = plans.filter((p) => !p.phantom);
  const creates = real.filter((p) => p.action === "create");
  const updates = real.filter((p) => p.action === "update");
  await insertCompanies(
    tx,
    ws,
    creates.map((p) => ({ id: p.id, values: p.next })),
  );
  await updateCompanies(
    tx,
    ws,
    updates.map((p) => ({ id: p.id, values: p.next })),
  );
  const keys = new Set(ctx.companyDefs.map((d) => d.key));
  const snapshot = (row: CompanyRow) => companySnapshot(presentCompany(row, 0, keys));
  await insertCompanyEvents(
    tx,
    ctx.actor,
    "company.created",
    creates.map((p) => ({ id: p.id, payload: { after: snapshot(asRow(ws, p.id, p.next)), ownerId: p.next.owner_id } })),
  );
  await insertCompanyEvents(
    tx,
    ctx.actor,
    "company.updated",
    updates.flatMap((p) => {
      if (!p.row) return [];
      const changes = diff(snapshot(p.row), snapshot(asRow(ws, p.id, p.next, p.row)));
      if (Object.keys(changes).length === 0) return [];
      return [{ id: p.id, payload: { changes, ownerId: p.next.owner_id, previousOwnerId: p.row.owner_id } }];
    }),
  );
  const tokens = (list: Plan[]) => list.map((p) => ({ id: p.id, tokens: companyTokens(p.next, ctx.companyDefs) }));
  await indexRecords(tx, ws, "c", tokens(creates), { fresh: true });
  await indexRecords(tx, ws, "c", tokens(updates));
  // What undo needs: which companies were created, and what updated ones looked like before.
  const applied = real.map((p) => ({ id: p.id, action: p.action === "create" ? "c" : "u", row: p.rowNumber, before: p.before }));
  if (applied.length > 0) {
    await sql`INSERT INTO import_rows (workspace_id, import_id, entity_type, entity_id, action, row_number, before)
              SELECT ${ws}::uuid, ${ctx.importId}::uuid, 'c', a.entity_id, a.action, a.row_number, a.before
                FROM unnest(${applied.map((a) => a.id)}::uuid[], ${applied.map((a) => a.action)}::text[],
                            ${applied.map((a) => a.row)}::bigint[], ${applied.map((a) => (a.before ? JSON.stringify(a.before) : null))}::jsonb[])
                     AS a(entity_id, action, row_number, before)
              ON CONFLICT DO NOTHING`.execute(tx);
  }
  await recordEvent(tx, ctx.actor, {
    type: "import.rows_applied",
    entityType: "import",
    entityId: ctx.importId,
    payload: {
      rows: { from: batch.from, to: batch.to },
      created: 0,
      updated: 0,
      companyIds: creates.map((p) => p.id),
      updatedCompanyIds: updates.map((p) => p.id),
      skipped: batch.skipped,
      failed: batch.failed,
    },
  });
}

import { sql, type Transaction } from "kysely";
import type { Actor } from "../../../../platform/auth/principal.js";
import type { DB } from "../../../../platform/db/schema.js";
import { recordEvent } from "../../../../platform/events/outbox.js";
import { conflict, notFound } from "../../../../platform/http/problem.js";
import { companyTokens } from "../../../companies/index.js";
import { contactTokens } from "../../../contacts/index.js";
import { customFieldsRepository } from "../../../custom-fields/index.js";
import { updateCompanies } from "../company-batch-writes.js";
import type { StoredCompany } from "../company-merge.rules.js";
import { indexRecords, updateContacts } from "../contact-batch-writes.js";
import type { StoredContact } from "../contact-merge.rules.js";
import { removeImportedIdentities } from "../import-identities.js";
import { undoableUntil } from "../imports.presenter.js";
import { type ImportViewer, importsRepository } from "../imports.repository.js";
import type { Before } from "../plan-batch.js";

const CHUNK = 2000;

type UndoneIds = { removedIds?: string[]; removedCompanyIds?: string[]; restoredIds?: string[]; restoredCompanyIds?: string[] };

/**
 * One event per page of undone records, with their ids (like `import.rows_applied` per batch):
 * consumers (duplicate detection, caches) learn exactly which people went to the trash and
 * which got their old values back, and no single event grows with the size of the import.
 */
async function recordRowsUndone(tx: Transaction<DB>, actor: Actor, importId: string, ids: UndoneIds) {
  if (Object.values(ids).every((list) => list.length === 0)) return;
  await recordEvent(tx, actor, {
    type: "import.rows_undone",
    entityType: "import",
    entityId: importId,
    payload: { removedIds: [], removedCompanyIds: [], restoredIds: [], restoredCompanyIds: [], ...ids },
  });
}

/**
 * Undoes a finished import in one transaction: the people and companies it created go to the
 * trash (restorable like any deletion), and the people it updated get back the values they
 * had before it — and lose the company links it added. Changes made to those people after
 * the import are overwritten; the audit trail keeps them.
 */
export async function undoImport(tx: Transaction<DB>, actor: Actor, viewer: ImportViewer | null, id: string) {
  const ws = actor.workspaceId;
  const row = await importsRepository.byId(tx, ws, id, viewer, { forUpdate: true });
  if (!row) throw notFound("import");
  const until = undoableUntil(row);
  if (!until) throw conflict("not_undoable", "Only a finished import (not a dry run) can be undone, and only once.");
  if (until.getTime() < Date.now()) throw conflict("undo_expired", "Imports can be undone for 30 days after they finished.");

  let removed = 0;
  for (const [entity, table] of [
    ["p", "contacts"],
    ["c", "companies"],
  ] as const) {
    for (let after: string | null = null; ; ) {
      const page = await importsRepository.appliedRows(tx, ws, id, entity, "c", after, CHUNK);
      if (page.length === 0) break;
      const ids = page.map((r) => r.entity_id);
      const res = await sql<{ id: string }>`UPDATE ${sql.table(table)} SET deleted_at = now(), updated_at = now()
                             WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NULL
                             RETURNING id`.execute(tx);
      const trashed = res.rows.map((r) => r.id);
      if (entity === "p" || row.object_type === "company") removed += trashed.length;
      await recordRowsUndone(tx, actor, id, entity === "p" ? { removedIds: trashed } : { removedCompanyIds: trashed });
      after = ids[ids.length - 1] ?? null;
    }
  }

  const defs = await customFieldsRepository.list(tx, ws, "contact");
  let restored = 0;
  for (let after: string | null = null; ; ) {
    const page = await importsRepository.appliedRows(tx, ws, id, "p", "u", after, CHUNK);
    if (page.length === 0) break;
    const befores = page.map((r) => ({ id: r.entity_id, before: r.before as Before }));
    await updateContacts(
      tx,
      ws,
      befores.map((b) => ({ id: b.id, values: b.before as StoredContact })),
    );
    await indexRecords(
      tx,
      ws,
      "p",
      befores.map((b) => ({ id: b.id, tokens: contactTokens(b.before, defs) })),
    );
    await sql`DELETE FROM contact_companies cc
               USING jsonb_to_recordset(${JSON.stringify(befores.map((b) => ({ id: b.id, keep: b.before.companyIds })))}::jsonb) AS x(id uuid, keep uuid[])
               WHERE cc.workspace_id = ${ws}::uuid AND cc.contact_id = x.id AND NOT (cc.company_id = ANY(x.keep))`.execute(tx);
    restored += page.length;
    await recordRowsUndone(tx, actor, id, { restoredIds: befores.map((b) => b.id) });
    after = page[page.length - 1]?.entity_id ?? null;
  }

  // Companies an import of companies updated get their values back too.
  const companyDefs = await customFieldsRepository.list(tx, ws, "company");
  for (let after: string | null = null; ; ) {
    const page = await importsRepository.appliedRows(tx, ws, id, "c", "u", after, CHUNK);
    if (page.length === 0) break;
    const befores = page.map((r) => ({ id: r.entity_id, values: r.before as StoredCompany }));
    await updateCompanies(tx, ws, befores);
    await indexRecords(
      tx,
      ws,
      "c",
      befores.map((b) => ({ id: b.id, tokens: companyTokens(b.values, companyDefs) })),
    );
    restored += page.length;
    await recordRowsUndone(tx, actor, id, { restoredCompanyIds: befores.map((b) => b.id) });
    after = page[page.length - 1]?.entity_id ?? null;
  }

  await removeImportedIdentities(tx, ws, id);
  await importsRepository.update(tx, ws, id, { status: "undone", undone_at: new Date() });
  await recordEvent(tx, actor, { type: "import.undone", entityType: "import", entityId: id, payload: { removed, restored } });
  return { removed, restored };
}

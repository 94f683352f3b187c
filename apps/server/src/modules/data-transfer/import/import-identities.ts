import { sql, type Transaction } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import type { ImportRunContext } from "./import-context.js";
import type { Plan } from "./plan-batch.js";

/** The source of the identities an import adds: the import itself, so undo can take exactly them back. */
export const importIdentitySource = (importId: string) => `import:${importId}`;

/**
 * Adds the external ids and social handles of a batch's rows to their people, with the import
 * as source. An identity the person already has is kept as it was; an external id another
 * live person already holds is not added (it identifies one person: merging is the way).
 */
export async function addImportedIdentities(tx: Transaction<DB>, ctx: ImportRunContext, plans: Plan[]) {
  const rows = plans.flatMap((p) => (p.identities ?? []).map((i) => ({ id: p.id, kind: i.kind, value: i.value })));
  if (rows.length === 0) return;
  await sql`
    INSERT INTO contact_identities (workspace_id, contact_id, kind, value, source)
    SELECT DISTINCT ${ctx.ws}::uuid, x.id, x.kind, x.value, ${importIdentitySource(ctx.importId)}
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.value)}::text[]) AS x(id, kind, value)
     WHERE x.kind <> 'external_id' OR NOT EXISTS (
             SELECT 1 FROM contact_identities o JOIN contacts c ON c.workspace_id = o.workspace_id AND c.id = o.contact_id AND c.deleted_at IS NULL
              WHERE o.workspace_id = ${ctx.ws}::uuid AND o.kind = 'external_id' AND o.value = x.value AND o.contact_id <> x.id)
    ON CONFLICT DO NOTHING`.execute(tx);
}

/** Undo: the identities the import added, to people it created or updated, go. */
export async function removeImportedIdentities(tx: Transaction<DB>, ws: string, importId: string) {
  await sql`DELETE FROM contact_identities WHERE workspace_id = ${ws}::uuid AND source = ${importIdentitySource(importId)}`.execute(tx);
}

import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { DB } from "../../../platform/db/schema.js";
import { companyTokens } from "../../companies/index.js";
import type { CustomFieldRow } from "../../custom-fields/index.js";
import type { RecordVisibility } from "../../iam/index.js";
import { ownerVisible } from "../../records/index.js";
import { fold } from "../../search/index.js";
import { indexRecords } from "./contact-batch-writes.js";

/**
 * The companies named in a batch: a live company the importer can see with the same name
 * (compared as search folds it: case and accents ignored) is linked; a name with none
 * becomes a new company, owned like the people of the import. Returns name → company id and
 * the ids created (undo trashes them).
 */
export async function resolveCompanies(
  tx: Transaction<DB>,
  ctx: { ws: string; visibility: RecordVisibility; ownerId: string | null; companyDefs: CustomFieldRow[] },
  names: string[],
): Promise<{ ids: Map<string, string>; created: string[] }> {
  const ids = new Map<string, string>();
  const unique = [...new Set(names)];
  if (unique.length === 0) return { ids, created: [] };
  // Names are folded once, then joined on the name index (a lateral lookup per name let the
  // planner fold every company's name for every row).
  const found = await sql<{ name: string; id: string }>`
    WITH n AS MATERIALIZED (SELECT name, rapport_fold(name) AS k FROM unnest(${unique}::text[]) AS name)
    SELECT DISTINCT ON (n.name) n.name, co.id
      FROM n JOIN companies co ON co.workspace_id = ${ctx.ws}::uuid AND co.name_key = n.k AND co.deleted_at IS NULL
     WHERE ${ownerVisible("co", ctx.visibility)}
     ORDER BY n.name, co.created_at, co.id`.execute(tx);
  for (const r of found.rows) ids.set(r.name, r.id);
  const byFold = new Map<string, string>();
  const create: { id: string; name: string }[] = [];
  for (const name of unique.filter((n) => !ids.has(n))) {
    const key = fold(name);
    let id = byFold.get(key);
    if (!id) {
      id = uuidv7();
      byFold.set(key, id);
      create.push({ id, name });
    }
    ids.set(name, id);
  }
  if (create.length > 0) {
    await sql`INSERT INTO companies (workspace_id, id, name, owner_id)
              SELECT ${ctx.ws}::uuid, c.id, c.name, ${ctx.ownerId}::uuid
                FROM unnest(${create.map((c) => c.id)}::uuid[], ${create.map((c) => c.name)}::text[]) AS c(id, name)`.execute(tx);
    const empty = { domain: null, phones: [], tags: [], custom: {} };
    await indexRecords(
      tx,
      ctx.ws,
      "c",
      create.map((c) => ({ id: c.id, tokens: companyTokens({ name: c.name, ...empty }, ctx.companyDefs) })),
      { fresh: true },
    );
  }
  return { ids, created: create.map((c) => c.id) };
}

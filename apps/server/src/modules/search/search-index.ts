import { sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { type Token, uniqueTokens } from "./tokenize.js";

/** People 'p' and companies 'c' (the records others attach things to). */
export type EntityCode = "p" | "c";
/** Everything search indexes: the records, and deals 'd'. */
export type SearchEntity = EntityCode | "d";

/**
 * Replaces the tokens of one record, in the caller's transaction: search sees exactly the
 * committed state of every record. Name tokens also enter the workspace's vocabulary,
 * which typo-tolerant lookups search.
 */
export async function indexRecord(tx: Transaction<DB>, workspaceId: string, entityType: SearchEntity, entityId: string, tokens: Token[]) {
  await tx
    .deleteFrom("search_tokens")
    .where("workspace_id", "=", workspaceId)
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .execute();
  const unique = uniqueTokens(tokens);
  if (unique.length === 0) return;
  await tx
    .insertInto("search_tokens")
    .values(
      unique.map((t) => ({ workspace_id: workspaceId, token: t.token, entity_type: entityType, entity_id: entityId, field: t.field })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const vocabulary = [...new Set(unique.filter((t) => t.field === "n" && t.token.length >= 2).map((t) => t.token))];
  if (vocabulary.length > 0) {
    await sql`INSERT INTO search_vocabulary (workspace_id, token)
              SELECT ${workspaceId}::uuid, unnest(${vocabulary}::text[]) ON CONFLICT DO NOTHING`.execute(tx);
  }
}

export async function unindexRecords(tx: Transaction<DB>, workspaceId: string, entityType: SearchEntity, entityIds: string[]) {
  if (entityIds.length === 0) return;
  await tx
    .deleteFrom("search_tokens")
    .where("workspace_id", "=", workspaceId)
    .where("entity_type", "=", entityType)
    .where("entity_id", "in", entityIds)
    .execute();
}

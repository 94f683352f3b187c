import { type RawBuilder, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { type Token, uniqueTokens } from "./tokenize.js";
import { wordPairTokens } from "./word-pairs.js";

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
  const unique = recordTokens(tokens);
  const vocabulary = vocabularyOf(unique);
  // One statement (one round trip per write): drop the tokens the record no longer has, add
  // the new ones, grow the vocabulary. The deleted and inserted rows never overlap.
  await sql`
    WITH t AS (
      SELECT * FROM unnest(${unique.map((t) => t.token)}::text[], ${unique.map((t) => t.field)}::char(1)[]) AS t(token, field)
    ), gone AS (
      DELETE FROM search_tokens s
       WHERE s.workspace_id = ${workspaceId}::uuid AND s.entity_type = ${entityType} AND s.entity_id = ${entityId}::uuid
         AND NOT EXISTS (SELECT 1 FROM t WHERE t.token = s.token AND t.field = s.field)
    ), added AS (
      INSERT INTO search_tokens (workspace_id, token, entity_type, entity_id, field)
      SELECT ${workspaceId}::uuid, t.token, ${entityType}, ${entityId}::uuid, t.field FROM t
      ON CONFLICT DO NOTHING
    )
    INSERT INTO search_vocabulary (workspace_id, token)
    SELECT ${workspaceId}::uuid, unnest(${vocabulary}::text[])
    ON CONFLICT DO NOTHING`.execute(tx);
}

/**
 * The writes that index a record created in the same statement, as bodies of data-modifying
 * CTEs for the creating command's one statement: its tokens and its name words for the
 * vocabulary. A new record has no tokens to drop; otherwise the same rows as `indexRecord`.
 */
export function newRecordIndexWrites(
  workspaceId: string,
  entityType: SearchEntity,
  entityId: string,
  tokens: Token[],
  /** Written only when this holds (the statement's credential check, decision 0031). */
  when: RawBuilder<boolean> = sql<boolean>`true`,
): { tokens: RawBuilder<unknown>; vocabulary: RawBuilder<unknown> } {
  const unique = recordTokens(tokens);
  return {
    tokens: sql`
      INSERT INTO search_tokens (workspace_id, token, entity_type, entity_id, field)
      SELECT ${workspaceId}::uuid, t.token, ${entityType}, ${entityId}::uuid, t.field
        FROM unnest(${unique.map((t) => t.token)}::text[], ${unique.map((t) => t.field)}::char(1)[]) AS t(token, field)
       WHERE ${when}
      ON CONFLICT DO NOTHING`,
    vocabulary: sql`
      INSERT INTO search_vocabulary (workspace_id, token)
      SELECT ${workspaceId}::uuid, w FROM unnest(${vocabularyOf(unique)}::text[]) AS w
       WHERE ${when}
      ON CONFLICT DO NOTHING`,
  };
}

/**
 * The rows a record's tokens become: unique, cut to length, and its word pairs (decision 0030),
 * which every write path must store for two-word queries to find the record.
 */
export function recordTokens(tokens: Token[]): Token[] {
  const unique = uniqueTokens(tokens);
  return [...unique, ...wordPairTokens(unique)];
}

/** The name words that enter the workspace's vocabulary. */
function vocabularyOf(unique: Token[]): string[] {
  return [...new Set(unique.filter((t) => t.field === "n" && t.token.length >= 2).map((t) => t.token))];
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

import type { Role } from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../../platform/auth/principal.js";
import { formatApiKey, hashSecret, newSecret } from "../../../platform/auth/tokens.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { type ApiKeyRow, iamRepository } from "../iam.repository.js";

/** Creates a key; the secret is returned once and only its hash is stored. */
export async function createApiKey(
  tx: Transaction<DB>,
  actor: Actor,
  input: { name: string; role: Role },
): Promise<{ row: ApiKeyRow; secret: string }> {
  const id = uuidv7();
  const secret = newSecret();
  const row = await tx
    .insertInto("api_keys")
    .values({
      workspace_id: actor.workspaceId,
      id,
      name: input.name,
      role: input.role,
      secret_hash: hashSecret(secret),
      created_by: actor.type === "user" ? actor.id : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: IAM_EVENTS.apiKeyCreated,
    entityType: "api_key",
    entityId: id,
    payload: { after: { name: row.name, role: row.role } },
  });
  return { row, secret: formatApiKey(actor.workspaceId, id, secret) };
}

export async function revokeApiKey(tx: Transaction<DB>, actor: Actor, id: string): Promise<void> {
  const key = await iamRepository.apiKeyById(tx, actor.workspaceId, id);
  if (!key) throw notFound("API key");
  if (key.revoked_at) return;
  await tx
    .updateTable("api_keys")
    .set({ revoked_at: sql`now()` })
    .where("workspace_id", "=", actor.workspaceId)
    .where("id", "=", id)
    .execute();
  await recordEvent(tx, actor, {
    type: IAM_EVENTS.apiKeyRevoked,
    entityType: "api_key",
    entityId: id,
    payload: { changes: { revoked: { old: false, new: true } } },
  });
}

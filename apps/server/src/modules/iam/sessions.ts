import type { FastifyRequest } from "fastify";
import { type Kysely, sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { CredentialCheck } from "../../platform/auth/credential-check.js";
import type { Principal } from "../../platform/auth/principal.js";
import { formatSessionToken, hashSecret, newSecret, parseApiKey, parseSessionToken, sameHash } from "../../platform/auth/tokens.js";
import type { DB } from "../../platform/db/schema.js";
import { iamRepository } from "./iam.repository.js";

/** Sessions slide: each use extends them up to 14 days after the last activity. */
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
// Touch last_seen/last_used at most once a minute, not on every request.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  tx: Transaction<DB>,
  workspaceId: string,
  userId: string,
  req: FastifyRequest,
): Promise<{ token: string; sessionId: string }> {
  const secret = newSecret();
  const id = uuidv7();
  await tx
    .insertInto("sessions")
    .values({
      workspace_id: workspaceId,
      id,
      user_id: userId,
      token_hash: hashSecret(secret),
      expires_at: new Date(Date.now() + SESSION_TTL_MS),
      ip: req.ip,
      user_agent: String(req.headers["user-agent"] ?? "").slice(0, 500),
    })
    .execute();
  return { token: formatSessionToken(workspaceId, secret), sessionId: id };
}

export async function revokeSession(tx: Kysely<DB> | Transaction<DB>, workspaceId: string, sessionId: string) {
  await tx
    .updateTable("sessions")
    .set({ revoked_at: sql`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", sessionId)
    .execute();
}

/** Password change and deactivation end every other session of the user at once. */
export async function revokeUserSessions(tx: Transaction<DB>, workspaceId: string, userId: string, except?: string) {
  let q = tx
    .updateTable("sessions")
    .set({ revoked_at: sql`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (except) q = q.where("id", "!=", except);
  await q.execute();
}

/**
 * API keys this copy verified in the last TOUCH_AFTER_MS, by workspace and key id (the
 * secret's hash, never the secret). Only routes that re-verify the key inside their own
 * statement use it (decision 0024); every other route still looks the key up.
 */
type RememberedKey = { principal: Principal; secretHash: Buffer; verifiedAt: number };
const MAX_REMEMBERED_KEYS = 10_000;

export function createAuthenticator(db: Kysely<DB>): Authenticator {
  const remembered = new Map<string, RememberedKey>();
  return {
    async fromSessionToken(token) {
      const parsed = parseSessionToken(token);
      if (!parsed) return undefined;
      const row = await db
        .selectFrom("sessions")
        .innerJoin("users", (j) => j.onRef("users.workspace_id", "=", "sessions.workspace_id").onRef("users.id", "=", "sessions.user_id"))
        .select(["sessions.id", "sessions.user_id", "sessions.last_seen_at", "users.role"])
        // The user's teams in the same round trip (record visibility needs them).
        .select(
          sql<string[]>`ARRAY(SELECT tm.team_id FROM team_members tm
                               WHERE tm.workspace_id = sessions.workspace_id AND tm.user_id = sessions.user_id ORDER BY tm.team_id)`.as(
            "team_ids",
          ),
        )
        .where("sessions.workspace_id", "=", parsed.workspaceId)
        .where("sessions.token_hash", "=", hashSecret(parsed.secret))
        .where("sessions.revoked_at", "is", null)
        .where("sessions.expires_at", ">", sql<Date>`now()`)
        .where("users.active", "=", true)
        .executeTakeFirst();
      if (!row) return undefined;
      if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
        await db
          .updateTable("sessions")
          .set({ last_seen_at: sql`now()`, expires_at: new Date(Date.now() + SESSION_TTL_MS) })
          .where("workspace_id", "=", parsed.workspaceId)
          .where("id", "=", row.id)
          .execute();
      }
      return principal(parsed.workspaceId, "user", row.user_id, row.user_id, row.role, row.team_ids, row.id);
    },

    async fromApiKey(token) {
      const parsed = parseApiKey(token);
      if (!parsed) return undefined;
      const key = await iamRepository.apiKeyById(db, parsed.workspaceId, parsed.keyId);
      if (!key || key.revoked_at || !sameHash(key.secret_hash, hashSecret(parsed.secret))) return undefined;
      if (!key.last_used_at || Date.now() - new Date(key.last_used_at).getTime() > TOUCH_AFTER_MS) {
        await db
          .updateTable("api_keys")
          .set({ last_used_at: sql`now()` })
          .where("workspace_id", "=", key.workspace_id)
          .where("id", "=", key.id)
          .execute();
      }
      const p = Object.freeze(principal(key.workspace_id, "api_key", key.id, null, key.role, [], null));
      if (remembered.size >= MAX_REMEMBERED_KEYS) remembered.clear();
      remembered.set(`${key.workspace_id}:${key.id}`, { principal: p, secretHash: key.secret_hash, verifiedAt: Date.now() });
      return p;
    },

    rememberedApiKey(token) {
      const parsed = parseApiKey(token);
      if (!parsed) return undefined;
      const id = `${parsed.workspaceId}:${parsed.keyId}`;
      const entry = remembered.get(id);
      // Past the touch interval the full lookup runs again (and records last_used_at).
      if (!entry || Date.now() - entry.verifiedAt > TOUCH_AFTER_MS) return undefined;
      if (!sameHash(entry.secretHash, hashSecret(parsed.secret))) return undefined;
      const stillValid = sql<boolean>`EXISTS (SELECT 1 FROM api_keys k
         WHERE k.workspace_id = ${parsed.workspaceId}::uuid AND k.id = ${parsed.keyId}::uuid
           AND k.revoked_at IS NULL AND k.secret_hash = ${entry.secretHash})`;
      return { principal: entry.principal, check: new CredentialCheck(stillValid, () => remembered.delete(id)) };
    },
  };
}

function principal(
  workspaceId: string,
  actorType: Principal["actorType"],
  actorId: string,
  userId: string | null,
  role: Principal["role"],
  teamIds: string[],
  sessionId: string | null,
): Principal {
  return { workspaceId, actorType, actorId, userId, role, teamIds, sessionId };
}

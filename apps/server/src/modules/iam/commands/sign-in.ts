import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { verifyPassword } from "../../../platform/auth/passwords.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { ProblemError } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { iamRepository } from "../iam.repository.js";
import { createSession } from "../sessions.js";
import { assertNotThrottled, clearFailedSignIns, recordFailedSignIn } from "../sign-in-throttle.js";

const invalid = () => new ProblemError(401, "invalid_credentials", "The email or password is not correct.");

/**
 * Checks the password and opens a session. Failures are throttled per account and address;
 * unknown emails cost the same time as wrong passwords.
 */
export async function signIn(
  db: Kysely<DB>,
  req: FastifyRequest,
  input: { email: string; password: string; workspace?: string | undefined },
): Promise<{ token: string; workspaceId: string; userId: string }> {
  await assertNotThrottled(db, input.email, req.ip);
  let candidates = await iamRepository.usersForSignIn(db, input.email);
  if (input.workspace) candidates = candidates.filter((c) => c.slug === input.workspace);
  if (candidates.length > 1) {
    throw new ProblemError(400, "workspace_required", "This email belongs to several workspaces; name the workspace.", {
      errors: [{ path: "body.workspace", message: "required" }],
    });
  }
  const user = candidates[0];
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || !user.active) {
    await recordFailedSignIn(db, input.email, req.ip);
    throw invalid();
  }
  await clearFailedSignIns(db, input.email);
  const { token } = await db.transaction().execute(async (tx) => {
    const session = await createSession(tx, user.workspace_id, user.id, req);
    await recordEvent(
      tx,
      { workspaceId: user.workspace_id, type: "user", id: user.id },
      { type: IAM_EVENTS.userSignedIn, entityType: "user", entityId: user.id, payload: { ip: req.ip } },
    );
    return session;
  });
  return { token, workspaceId: user.workspace_id, userId: user.id };
}

import { sql, type Transaction } from "kysely";
import { hashPassword, verifyPassword } from "../../../platform/auth/passwords.js";
import type { Principal } from "../../../platform/auth/principal.js";
import { actorOf } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { forbidden, ProblemError } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { iamRepository } from "../iam.repository.js";
import { revokeUserSessions } from "../sessions.js";

/** Changes the signed-in user's password and signs out their other sessions. */
export async function changePassword(tx: Transaction<DB>, principal: Principal, input: { currentPassword: string; newPassword: string }) {
  if (!principal.userId) throw forbidden("API keys have no password.");
  const user = await iamRepository.userById(tx, principal.workspaceId, principal.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new ProblemError(400, "wrong_password", "The current password is not correct.", {
      errors: [{ path: "body.currentPassword", message: "not correct" }],
    });
  }
  await tx
    .updateTable("users")
    .set({ password_hash: await hashPassword(input.newPassword), updated_at: sql`now()` })
    .where("workspace_id", "=", principal.workspaceId)
    .where("id", "=", principal.userId)
    .execute();
  await revokeUserSessions(tx, principal.workspaceId, principal.userId, principal.sessionId ?? undefined);
  await recordEvent(tx, actorOf(principal), {
    type: IAM_EVENTS.passwordChanged,
    entityType: "user",
    entityId: principal.userId,
    payload: { changes: { password: { old: "********", new: "********" } } },
  });
}

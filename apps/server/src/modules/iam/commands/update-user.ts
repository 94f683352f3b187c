import type { Role } from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { conflict, notFound } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { userSnapshot } from "../iam.presenter.js";
import { iamRepository, type UserRow } from "../iam.repository.js";
import { revokeUserSessions } from "../sessions.js";

export async function updateUser(
  tx: Transaction<DB>,
  actor: Actor,
  id: string,
  patch: { name?: string | undefined; role?: Role | undefined; active?: boolean | undefined },
): Promise<UserRow> {
  const before = await iamRepository.userById(tx, actor.workspaceId, id);
  if (!before) throw notFound("user");
  const after = await tx
    .updateTable("users")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      updated_at: sql`now()`,
    })
    .where("workspace_id", "=", actor.workspaceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // A workspace always keeps an administrator who can sign in.
  if (before.role === "admin" && before.active && (after.role !== "admin" || !after.active)) {
    if ((await iamRepository.countActiveAdmins(tx, actor.workspaceId)) === 0) {
      throw conflict("last_admin", "The workspace needs at least one active administrator.");
    }
  }
  if (before.active && !after.active) await revokeUserSessions(tx, actor.workspaceId, id);
  const changes = diff(userSnapshot(before), userSnapshot(after));
  if (Object.keys(changes).length > 0) {
    await recordEvent(tx, actor, { type: IAM_EVENTS.userUpdated, entityType: "user", entityId: id, payload: { changes } });
  }
  return after;
}

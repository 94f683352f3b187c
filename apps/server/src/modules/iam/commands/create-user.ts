import type { Role } from "@rapport/contract";
import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { hashPassword } from "../../../platform/auth/passwords.js";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { conflict } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { userSnapshot } from "../iam.presenter.js";
import { iamRepository, type UserRow } from "../iam.repository.js";

export async function createUser(
  tx: Transaction<DB>,
  actor: Actor,
  input: { email: string; name: string; role: Role; password: string },
): Promise<UserRow> {
  if (await iamRepository.userByEmail(tx, actor.workspaceId, input.email)) {
    throw conflict("email_taken", "A user with this email exists in the workspace already.");
  }
  const row = await tx
    .insertInto("users")
    .values({
      workspace_id: actor.workspaceId,
      id: uuidv7(),
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: await hashPassword(input.password),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: IAM_EVENTS.userCreated,
    entityType: "user",
    entityId: row.id,
    payload: { after: userSnapshot(row) },
  });
  return row;
}

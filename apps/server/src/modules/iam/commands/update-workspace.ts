import type { Transaction } from "kysely";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { iamRepository, type WorkspaceRow } from "../iam.repository.js";

export async function updateWorkspace(
  tx: Transaction<DB>,
  actor: Actor,
  patch: { name?: string | undefined; defaultCurrency?: string | undefined },
): Promise<WorkspaceRow> {
  const before = await iamRepository.workspaceById(tx, actor.workspaceId);
  if (!before) throw notFound("workspace");
  const after = await tx
    .updateTable("workspaces")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.defaultCurrency !== undefined ? { default_currency: patch.defaultCurrency } : {}),
    })
    .where("id", "=", actor.workspaceId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changes = diff(
    { name: before.name, defaultCurrency: before.default_currency },
    { name: after.name, defaultCurrency: after.default_currency },
  );
  if (Object.keys(changes).length > 0) {
    await recordEvent(tx, actor, { type: IAM_EVENTS.workspaceUpdated, entityType: "workspace", entityId: after.id, payload: { changes } });
  }
  return after;
}

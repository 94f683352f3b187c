import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { systemActor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { conflict } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { iamRepository, type WorkspaceRow } from "../iam.repository.js";

export async function createWorkspace(
  tx: Transaction<DB>,
  input: { slug: string; name: string; defaultCurrency?: string },
): Promise<WorkspaceRow> {
  if (await iamRepository.workspaceBySlug(tx, input.slug)) {
    throw conflict("workspace_exists", `A workspace named "${input.slug}" exists already.`);
  }
  const id = uuidv7();
  const row = await tx
    .insertInto("workspaces")
    .values({ id, slug: input.slug, name: input.name, default_currency: input.defaultCurrency ?? "USD" })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, systemActor(id), {
    type: IAM_EVENTS.workspaceCreated,
    entityType: "workspace",
    entityId: id,
    payload: { after: { slug: row.slug, name: row.name } },
  });
  return row;
}

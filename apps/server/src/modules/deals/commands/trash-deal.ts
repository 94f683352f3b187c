import { sql } from "kysely";
import { recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { dealsRepository } from "../deals.repository.js";
import type { DealContext } from "./deal-context.js";

/** Moves a visible deal to the trash, or back. Its history and links stay. */
export async function setDealTrashed(ctx: DealContext, id: string, trashed: boolean): Promise<void> {
  const ws = ctx.actor.workspaceId;
  const row = await dealsRepository.byId(ctx.tx, ws, id, ctx.visibility, { includeDeleted: true, forUpdate: true });
  if (!row || (row.deleted_at !== null) === trashed) throw notFound("deal");
  await ctx.tx
    .updateTable("deals")
    .set({ deleted_at: trashed ? sql<Date>`now()` : null, updated_at: sql<Date>`now()` } as never)
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .execute();
  await recordEvent(ctx.tx, ctx.actor, {
    type: trashed ? "deal.deleted" : "deal.restored",
    entityType: "deal",
    entityId: id,
    payload: { changes: { deleted: { old: !trashed, new: trashed } }, ownerId: row.owner_id, name: row.name },
  });
}

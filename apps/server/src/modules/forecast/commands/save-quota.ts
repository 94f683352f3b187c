import type { createQuotaBodySchema, Quota, updateQuotaBodySchema } from "@rapport/contract";
import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import { actorOf, type Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { notFound } from "../../../platform/http/problem.js";
import { recordVisibility } from "../../iam/index.js";
import { invalidPeriod, quotaExists, unknownTarget } from "../forecast.errors.js";
import { QUOTA_EVENTS } from "../forecast.events.js";
import { presentQuota } from "../forecast.presenter.js";
import { parsePeriod } from "../period.rules.js";
import { quotasRepository } from "../quotas.repository.js";

type CreateInput = z.output<typeof createQuotaBodySchema>;
type UpdateInput = z.output<typeof updateQuotaBodySchema>;

const snapshot = (q: Quota) => ({ amountMinor: q.amountMinor, currency: q.currency });

async function load(tx: Transaction<DB>, p: Principal, id: string): Promise<Quota> {
  const row = await quotasRepository.byId(tx, p.workspaceId, id, await recordVisibility(tx, p), p.teamIds);
  if (!row) throw notFound("quota");
  return presentQuota(row);
}

/** Sets a rep's or team's target for a period; one per target, period and currency (else 409). */
export async function createQuota(tx: Transaction<DB>, p: Principal, input: CreateInput): Promise<Quota> {
  // Absolute periods only (the schema's pattern): "today" plays no part.
  const period = parsePeriod(input.period, "1970-01-01");
  if (!period) throw invalidPeriod();
  if (!(await quotasRepository.targetExists(tx, p.workspaceId, input))) throw unknownTarget(input.userId ? "body.userId" : "body.teamId");
  const id = uuidv7();
  const inserted = await quotasRepository.insert(tx, {
    workspace_id: p.workspaceId,
    id,
    target_type: input.userId ? "user" : "team",
    user_id: input.userId ?? null,
    team_id: input.teamId ?? null,
    period_kind: period.kind,
    period_start: period.start,
    amount_minor: input.amountMinor,
    currency: input.currency,
  });
  if (!inserted) throw quotaExists();
  const quota = await load(tx, p, id);
  await recordEvent(tx, actorOf(p), { type: QUOTA_EVENTS.created, entityType: "quota", entityId: id, payload: quota });
  return quota;
}

export async function updateQuota(tx: Transaction<DB>, p: Principal, id: string, input: UpdateInput): Promise<Quota> {
  if (!(await quotasRepository.lock(tx, p.workspaceId, id))) throw notFound("quota");
  const before = await load(tx, p, id);
  try {
    await quotasRepository.update(tx, p.workspaceId, id, {
      ...(input.amountMinor !== undefined ? { amount_minor: input.amountMinor } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
    });
  } catch (e) {
    // The unique index: another target of this rep/team and period already has that currency.
    if ((e as { code?: string }).code === "23505") throw quotaExists();
    throw e;
  }
  const after = await load(tx, p, id);
  await recordEvent(tx, actorOf(p), {
    type: QUOTA_EVENTS.updated,
    entityType: "quota",
    entityId: id,
    payload: { userId: after.userId, teamId: after.teamId, period: after.period, changes: diff(snapshot(before), snapshot(after)) },
  });
  return after;
}

export async function deleteQuota(tx: Transaction<DB>, p: Principal, id: string): Promise<void> {
  if (!(await quotasRepository.lock(tx, p.workspaceId, id))) throw notFound("quota");
  const before = await load(tx, p, id);
  await quotasRepository.remove(tx, p.workspaceId, id);
  await recordEvent(tx, actorOf(p), { type: QUOTA_EVENTS.deleted, entityType: "quota", entityId: id, payload: before });
}

import type { createDealBodySchema, Deal, updateDealBodySchema } from "@rapport/contract";
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, notFound, ProblemError } from "../../../platform/http/problem.js";
import { companiesRepository } from "../../companies/index.js";
import { contactsRepository } from "../../contacts/index.js";
import { canSeeOwner, iamRepository } from "../../iam/index.js";
import { visibleRecords } from "../../records/index.js";
import { presentDeals } from "../deal-reads.js";
import { stageChangedPayload } from "../deals.events.js";
import { dealSnapshot } from "../deals.presenter.js";
import { type DealRow, dealsRepository } from "../deals.repository.js";
import { indexDeal } from "../deals.search.js";
import { pipelinesRepository, type StageRow } from "../pipelines.repository.js";
import { rankBetween, rotsAt } from "../stage.rules.js";
import type { DealContext } from "./deal-context.js";
import { type PricedLine, priceLineItems } from "./price-line-items.js";

type CreateInput = z.output<typeof createDealBodySchema>;
type UpdateInput = z.output<typeof updateDealBodySchema>;
type FieldError = { path: string; message: string };

function fail(errors: FieldError[]) {
  if (errors.length) throw badRequest("validation_failed", "The request is not valid.", errors);
}

/** The stage a new deal starts in: the one given, else the first open stage of the pipeline given, else of the first pipeline. */
async function startStage(ctx: DealContext, input: CreateInput): Promise<StageRow> {
  const ws = ctx.actor.workspaceId;
  let stage: StageRow | undefined;
  if (input.stageId) {
    stage = await pipelinesRepository.stageById(ctx.tx, ws, input.stageId);
    if (!stage || (input.pipelineId && stage.pipeline_id !== input.pipelineId.toLowerCase())) {
      fail([{ path: "body.stageId", message: "no such stage in the pipeline" }]);
    }
  } else {
    const pipelineId = input.pipelineId ?? (await pipelinesRepository.list(ctx.tx, ws, "false"))[0]?.id;
    if (!pipelineId) throw new ProblemError(422, "no_pipeline", "Create a pipeline first.");
    if (!(await pipelinesRepository.byId(ctx.tx, ws, pipelineId))) fail([{ path: "body.pipelineId", message: "no such pipeline" }]);
    stage = await pipelinesRepository.firstOpenStage(ctx.tx, ws, pipelineId);
    if (!stage) throw new ProblemError(422, "no_open_stage", "The pipeline has no open stage.");
  }
  const s = stage as StageRow;
  if ((await pipelinesRepository.byId(ctx.tx, ws, s.pipeline_id))?.archived_at) {
    throw new ProblemError(422, "pipeline_archived", "The pipeline is archived: no deal can enter it.");
  }
  return s;
}

/** Checks owner, company and contacts against what the caller may see; returns the company's region. */
async function checkLinks(ctx: DealContext, input: UpdateInput): Promise<{ companyRegion: string | null }> {
  const ws = ctx.actor.workspaceId;
  const errors: FieldError[] = [];
  if (input.ownerId) {
    if ((await contactsRepository.existingUserIds(ctx.tx, ws, [input.ownerId])).length === 0) {
      errors.push({ path: "body.ownerId", message: "not a user of this workspace" });
    } else if (!canSeeOwner(ctx.visibility, input.ownerId)) {
      throw new ProblemError(403, "forbidden", "You can only assign deals to yourself or your teammates.");
    }
  }
  let companyRegion: string | null = null;
  if (input.companyId) {
    const company = await companiesRepository.byId(ctx.tx, ws, input.companyId, ctx.visibility);
    if (!company) errors.push({ path: "body.companyId", message: `no company ${input.companyId}` });
    companyRegion = company?.region ?? null;
  }
  if (input.contacts) {
    const ids = input.contacts.map((c) => c.contactId.toLowerCase());
    if (new Set(ids).size !== ids.length) errors.push({ path: "body.contacts", message: "a contact is listed twice" });
    const found = new Set((await visibleRecords(ctx.tx, ws, "contact", ids, ctx.visibility)).map((r) => r.id));
    ids.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `body.contacts.${i}.contactId`, message: `no contact ${id}` });
    });
  }
  fail(errors);
  return { companyRegion };
}

async function present(ctx: DealContext, row: DealRow): Promise<Deal> {
  const [deal] = await presentDeals(ctx.tx, ctx.actor.workspaceId, [row], ctx.now);
  return deal as Deal;
}

const snapshotOf = (d: DealRow, probability: number) => ({
  pipeline_id: d.pipeline_id,
  stage_id: d.stage_id,
  status: d.status,
  amount_minor: d.amount_minor,
  currency: d.currency,
  probability,
  expected_close_date: d.expected_close_date,
});

export async function createDeal(ctx: DealContext, input: CreateInput): Promise<Deal> {
  const ws = ctx.actor.workspaceId;
  const stage = await startStage(ctx, input);
  const { companyRegion } = await checkLinks(ctx, input);
  const currency = input.currency ?? (await iamRepository.workspaceById(ctx.tx, ws))?.default_currency ?? "EUR";
  let lines: PricedLine[] = [];
  let amountMinor = input.amountMinor ?? 0;
  if (input.lineItems && input.lineItems.length > 0) {
    if (input.amountMinor !== undefined) fail([{ path: "body.amountMinor", message: "computed from the line items; leave it out" }]);
    ({ lines, amountMinor } = await priceLineItems(ctx.tx, ws, currency, input.lineItems));
  }
  const id = uuidv7();
  const { above } = await dealsRepository.neighbours(ctx.tx, ws, stage.id, id, undefined);
  // Deals created by a user without an owner belong to that user.
  const ownerId = input.ownerId === undefined ? (ctx.actor.type === "user" ? ctx.actor.id : null) : input.ownerId;
  const row = await ctx.tx
    .insertInto("deals")
    .values({
      workspace_id: ws,
      id,
      name: input.name,
      pipeline_id: stage.pipeline_id,
      stage_id: stage.id,
      board_rank: rankBetween(above, null),
      status: stage.kind,
      closed_at: stage.kind === "open" ? null : ctx.now,
      amount_minor: amountMinor,
      currency,
      has_line_items: lines.length > 0,
      expected_close_date: input.expectedCloseDate ?? null,
      owner_id: ownerId,
      company_id: input.companyId?.toLowerCase() ?? null,
      source: input.source || null,
      campaign: input.campaign || null,
      region: input.region === undefined ? companyRegion : input.region || null,
      stage_entered_at: ctx.now,
      rots_at: rotsAt(stage.kind, stage.rotting_days, ctx.now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await dealsRepository.setContacts(
    ctx.tx,
    ws,
    id,
    (input.contacts ?? []).map((c) => ({ contactId: c.contactId.toLowerCase(), role: c.role || null })),
  );
  await dealsRepository.setLineItems(ctx.tx, ws, id, lines);
  await indexDeal(ctx.tx, ws, row);
  await dealsRepository.enterStage(ctx.tx, ws, id, { pipelineId: stage.pipeline_id, stageId: stage.id }, ctx.now);
  await dealsRepository.snapshot(ctx.tx, ws, id, snapshotOf(row, stage.probability), ["created"], ctx.now);
  const deal = await present(ctx, row);
  await recordEvent(ctx.tx, ctx.actor, {
    type: "deal.created",
    entityType: "deal",
    entityId: id,
    payload: { after: dealSnapshot(deal), ownerId: deal.ownerId },
  });
  await recordEvent(ctx.tx, ctx.actor, {
    type: "deal.stage_changed",
    entityType: "deal",
    entityId: id,
    payload: { ...stageChangedPayload(deal, null) },
  });
  return deal;
}

export async function updateDeal(ctx: DealContext, id: string, input: UpdateInput): Promise<Deal> {
  const ws = ctx.actor.workspaceId;
  const before = await dealsRepository.byId(ctx.tx, ws, id, ctx.visibility, { forUpdate: true });
  if (!before) throw notFound("deal");
  const beforeDeal = await present(ctx, before);
  const { companyRegion } = await checkLinks(ctx, input);
  const set: Record<string, unknown> = {};
  const currency = input.currency ?? before.currency;
  if (input.lineItems !== undefined && input.lineItems.length > 0) {
    if (input.amountMinor !== undefined) fail([{ path: "body.amountMinor", message: "computed from the line items; leave it out" }]);
    const priced = await priceLineItems(ctx.tx, ws, currency, input.lineItems);
    await dealsRepository.setLineItems(ctx.tx, ws, id, priced.lines);
    Object.assign(set, { amount_minor: priced.amountMinor, has_line_items: true });
  } else if (input.lineItems !== undefined) {
    await dealsRepository.setLineItems(ctx.tx, ws, id, []);
    Object.assign(set, { has_line_items: false, ...(input.amountMinor !== undefined ? { amount_minor: input.amountMinor } : {}) });
  } else if (before.has_line_items) {
    if (input.amountMinor !== undefined) fail([{ path: "body.amountMinor", message: "computed from the line items; change them instead" }]);
    if (currency !== before.currency) {
      throw new ProblemError(
        422,
        "currency_mismatch",
        "The line items are priced in the deal's currency: send them again with the new currency.",
        {
          errors: [{ path: "body.currency", message: `line items are in ${before.currency}` }],
        },
      );
    }
  } else if (input.amountMinor !== undefined) {
    set.amount_minor = input.amountMinor;
  }
  if (input.name !== undefined) set.name = input.name;
  if (input.currency !== undefined) set.currency = input.currency;
  if (input.expectedCloseDate !== undefined) set.expected_close_date = input.expectedCloseDate;
  if (input.ownerId !== undefined) set.owner_id = input.ownerId;
  if (input.companyId !== undefined) set.company_id = input.companyId?.toLowerCase() ?? null;
  if (input.source !== undefined) set.source = input.source || null;
  if (input.campaign !== undefined) set.campaign = input.campaign || null;
  if (input.region !== undefined) set.region = input.region || null;
  // A deal given a company and no region takes the company's region.
  else if (input.companyId && before.region === null) set.region = companyRegion;
  const row = await ctx.tx
    .updateTable("deals")
    .set({ ...set, updated_at: sql`now()` } as never)
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (row.name !== before.name) await indexDeal(ctx.tx, ws, row);
  if (input.contacts !== undefined) {
    await dealsRepository.setContacts(
      ctx.tx,
      ws,
      id,
      input.contacts.map((c) => ({ contactId: c.contactId.toLowerCase(), role: c.role || null })),
    );
  }
  const deal = await present(ctx, row);
  const forecastChanged = (
    [
      ["amount", before.amount_minor !== row.amount_minor],
      ["currency", before.currency !== row.currency],
      ["expectedCloseDate", before.expected_close_date !== row.expected_close_date],
    ] as const
  )
    .filter(([, changed]) => changed)
    .map(([field]) => field);
  if (forecastChanged.length > 0) {
    await dealsRepository.snapshot(ctx.tx, ws, id, snapshotOf(row, deal.probability), [...forecastChanged], ctx.now);
  }
  const changes = diff(dealSnapshot(beforeDeal), dealSnapshot(deal));
  if (Object.keys(changes).length > 0) {
    await recordEvent(ctx.tx, ctx.actor, {
      type: "deal.updated",
      entityType: "deal",
      entityId: id,
      payload: { changes, ownerId: deal.ownerId, previousOwnerId: beforeDeal.ownerId },
    });
  }
  return deal;
}

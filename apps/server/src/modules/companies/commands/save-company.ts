import type { Company, createCompanyBodySchema, updateCompanyBodySchema } from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import { type Actor, actorOf, type Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, forbidden, notFound } from "../../../platform/http/problem.js";
import { contactsRepository, normalisePhones } from "../../contacts/index.js";
import { type CustomFieldRow, customFieldsRepository, validateCustomValues } from "../../custom-fields/index.js";
import { canSeeOwner, type RecordVisibility, recordVisibility } from "../../iam/index.js";
import { normaliseTags } from "../../records/index.js";
import { indexRecord } from "../../search/index.js";
import { companySnapshot, presentCompany } from "../companies.presenter.js";
import { type CompanyRow, companiesRepository } from "../companies.repository.js";
import { companyTokens } from "../companies.search.js";

type CreateInput = z.output<typeof createCompanyBodySchema>;
type UpdateInput = z.output<typeof updateCompanyBodySchema>;
type FieldError = { path: string; message: string };
export type CompanyContext = {
  tx: Transaction<DB>;
  actor: Actor;
  visibility: RecordVisibility;
  defaultCountry: string;
  customDefs: CustomFieldRow[];
};

export async function companyContext(tx: Transaction<DB>, principal: Principal, defaultCountry: string): Promise<CompanyContext> {
  const actor = actorOf(principal);
  const customDefs = await customFieldsRepository.list(tx, actor.workspaceId, "company");
  return { tx, actor, visibility: await recordVisibility(tx, principal), defaultCountry, customDefs };
}

/** Normalises and checks the fields a create or update sets; collects every field error. */
async function prepare(ctx: CompanyContext, input: UpdateInput, partial: boolean) {
  const errors: FieldError[] = [];
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name;
  // The contract's schema already trims and lower-cases the domain; "" or null clears it.
  if (input.domain !== undefined) set.domain = input.domain || null;
  for (const [key, column] of [
    ["industry", "industry"],
    ["size", "size"],
    ["region", "region"],
    ["country", "country"],
    ["source", "source"],
    ["notes", "notes"],
  ] as const) {
    if (input[key] !== undefined) set[column] = input[key] || null;
  }
  if (input.employees !== undefined) set.employees = input.employees;
  if (input.phones !== undefined) {
    const r = normalisePhones(input.phones, ctx.defaultCountry);
    errors.push(...r.errors);
    set.phones = r.values;
  }
  if (input.addresses !== undefined) set.addresses = JSON.stringify(input.addresses);
  if (input.social !== undefined) set.social = JSON.stringify(input.social);
  if (input.lifecycleStage !== undefined) set.lifecycle_stage = input.lifecycleStage;
  if (input.tags !== undefined) set.tags = normaliseTags(input.tags);
  if (input.ownerId !== undefined) {
    if (input.ownerId !== null && (await contactsRepository.existingUserIds(ctx.tx, ctx.actor.workspaceId, [input.ownerId])).length === 0) {
      errors.push({ path: "body.ownerId", message: "not a user of this workspace" });
    } else if (!canSeeOwner(ctx.visibility, input.ownerId ?? null)) {
      throw forbidden("You can only assign records to yourself or your teammates.");
    }
    set.owner_id = input.ownerId ?? null;
  }
  let custom: Record<string, unknown> | undefined;
  if (input.custom !== undefined || !partial) {
    const r = validateCustomValues(ctx.customDefs, input.custom ?? {}, { partial, defaultCountry: ctx.defaultCountry });
    errors.push(...r.errors);
    custom = r.values;
  }
  if (errors.length) throw badRequest("validation_failed", "The request is not valid.", errors);
  return { set, custom };
}

async function finish(ctx: CompanyContext, row: CompanyRow): Promise<Company> {
  const ws = ctx.actor.workspaceId;
  await indexRecord(ctx.tx, ws, "c", row.id, companyTokens(row, ctx.customDefs));
  const counts = await contactsRepository.countByCompany(ctx.tx, ws, [row.id], ctx.visibility);
  return presentCompany(row, counts.get(row.id) ?? 0, new Set(ctx.customDefs.map((d) => d.key)));
}

export async function createCompany(ctx: CompanyContext, input: CreateInput): Promise<Company> {
  const { set, custom } = await prepare(ctx, input, false);
  // Records created by a user without an owner belong to that user.
  const ownerId = input.ownerId === undefined && ctx.actor.type === "user" ? ctx.actor.id : (set.owner_id as string | null | undefined);
  const stored = Object.fromEntries(Object.entries(custom ?? {}).filter(([, v]) => v !== null));
  const row = await ctx.tx
    .insertInto("companies")
    .values({
      ...set,
      workspace_id: ctx.actor.workspaceId,
      id: uuidv7(),
      owner_id: ownerId ?? null,
      custom: JSON.stringify(stored),
    } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
  const company = await finish(ctx, row);
  await recordEvent(ctx.tx, ctx.actor, {
    type: "company.created",
    entityType: "company",
    entityId: row.id,
    payload: { after: companySnapshot(company), ownerId: company.ownerId },
  });
  return company;
}

export async function updateCompany(ctx: CompanyContext, id: string, input: UpdateInput): Promise<Company> {
  const ws = ctx.actor.workspaceId;
  const before = await companiesRepository.byId(ctx.tx, ws, id, ctx.visibility, { forUpdate: true });
  if (!before) throw notFound("company");
  const keys = new Set(ctx.customDefs.map((d) => d.key));
  const { set, custom } = await prepare(ctx, input, true);
  // Cleared custom values are removed from the JSON rather than stored as null.
  const cleared = Object.keys(custom ?? {}).filter((k) => custom?.[k] === null);
  const kept = Object.fromEntries(Object.entries(custom ?? {}).filter(([, v]) => v !== null));
  const row = await ctx.tx
    .updateTable("companies")
    .set({
      ...set,
      ...(custom ? { custom: sql`(${sql.ref("custom")} || ${JSON.stringify(kept)}::jsonb) - ${cleared}::text[]` } : {}),
      updated_at: sql`now()`,
    } as never)
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const company = await finish(ctx, row);
  const changes = diff(companySnapshot(presentCompany(before, company.peopleCount, keys)), companySnapshot(company));
  if (Object.keys(changes).length > 0) {
    await recordEvent(ctx.tx, ctx.actor, {
      type: "company.updated",
      entityType: "company",
      entityId: id,
      payload: { changes, ownerId: company.ownerId, previousOwnerId: before.owner_id },
    });
  }
  return company;
}

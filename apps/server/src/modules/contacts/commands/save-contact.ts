import type { Contact, createContactBodySchema, updateContactBodySchema } from "@rapport/contract";
import { type RawBuilder, sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import type { CredentialCheck } from "../../../platform/auth/credential-check.js";
import type { Actor, Principal } from "../../../platform/auth/principal.js";
import { actorOf } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, eventInsert, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, forbidden, notFound } from "../../../platform/http/problem.js";
import { type CustomFieldRow, customFieldsRepository, validateCustomValues } from "../../custom-fields/index.js";
import { canSeeOwner, type RecordVisibility, recordVisibility } from "../../iam/index.js";
import { normaliseTags } from "../../records/index.js";
import { indexRecord, newRecordIndexWrites } from "../../search/index.js";
import { type FieldError, normaliseEmails, normalisePhones } from "../contact-values.rules.js";
import { contactSnapshot, presentContact } from "../contacts.presenter.js";
import { type ContactRow, contactsRepository, type NewContactValues } from "../contacts.repository.js";
import { contactTokens } from "../contacts.search.js";

type CreateInput = z.output<typeof createContactBodySchema>;
type UpdateInput = z.output<typeof updateContactBodySchema>;
type Context = { tx: Transaction<DB>; actor: Actor; visibility: RecordVisibility; defaultCountry: string; customDefs: CustomFieldRow[] };

/**
 * `customDefs`: the definitions to validate against when the caller has them (a create takes
 * this copy's cache, decision 0026); otherwise they are read in the transaction.
 */
export async function contactContext(
  tx: Transaction<DB>,
  principal: Principal | { actor: Actor },
  defaultCountry: string,
  definitions?: CustomFieldRow[],
): Promise<Context> {
  const actor = "actor" in principal ? principal.actor : actorOf(principal);
  const visibility = "actor" in principal ? ({ all: true } as const) : await recordVisibility(tx, principal);
  const customDefs = definitions ?? (await customFieldsRepository.list(tx, actor.workspaceId, "contact"));
  return { tx, actor, visibility, defaultCountry, customDefs };
}

/** Normalises and checks the fields a create or update sets; collects every field error. */
async function prepare(ctx: Context, input: UpdateInput, partial: boolean) {
  const errors: FieldError[] = [];
  const set: Record<string, unknown> = {};
  const ws = ctx.actor.workspaceId;
  if (input.firstName !== undefined) set.first_name = input.firstName;
  if (input.lastName !== undefined) set.last_name = input.lastName;
  if (input.title !== undefined) set.title = input.title || null;
  if (input.emails !== undefined) {
    const r = normaliseEmails(input.emails);
    errors.push(...r.errors);
    set.emails = r.values;
  }
  if (input.phones !== undefined) {
    const r = normalisePhones(input.phones, ctx.defaultCountry);
    errors.push(...r.errors);
    set.phones = r.values;
  }
  if (input.addresses !== undefined) set.addresses = JSON.stringify(input.addresses);
  if (input.social !== undefined) set.social = JSON.stringify(input.social);
  if (input.lifecycleStage !== undefined) set.lifecycle_stage = input.lifecycleStage;
  if (input.source !== undefined) set.source = input.source || null;
  if (input.tags !== undefined) set.tags = normaliseTags(input.tags);
  if (input.notes !== undefined) set.notes = input.notes || null;
  if (input.ownerId !== undefined) {
    if (input.ownerId !== null && (await contactsRepository.existingUserIds(ctx.tx, ws, [input.ownerId])).length === 0) {
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
  let links: { companyId: string; role: string | null; isPrimary: boolean }[] | undefined;
  if (input.companies !== undefined) {
    const ids = [...new Set(input.companies.map((c) => c.companyId))];
    const found = await contactsRepository.existingCompanyIds(ctx.tx, ws, ids);
    for (const id of ids.filter((i) => !found.includes(i))) errors.push({ path: "body.companies", message: `no company ${id}` });
    links = input.companies.map((c) => ({ companyId: c.companyId, role: c.role ?? null, isPrimary: c.isPrimary }));
  }
  if (errors.length) throw badRequest("validation_failed", "The request is not valid.", errors);
  return { set, custom, links };
}

/** Re-indexes the record and presents it with its company links. */
async function finish(ctx: Context, row: ContactRow) {
  await indexRecord(ctx.tx, ctx.actor.workspaceId, "p", row.id, contactTokens(row, ctx.customDefs));
  const links = (await contactsRepository.companyLinks(ctx.tx, ctx.actor.workspaceId, [row.id])).get(row.id) ?? [];
  return presentContact(row, links, visibleKeys(ctx));
}

/**
 * Whether a create writes in one statement, run last (no company links): the runner may
 * then skip BEGIN/COMMIT (decision 0031).
 */
export const createIsOneStatement = (input: CreateInput) => !input.companies?.length;

/**
 * `check`: the caller's remembered API key, re-verified by the create's own statement
 * (decision 0031); nothing is written and the answer is 401 when it no longer holds.
 */
export async function createContact(ctx: Context, input: CreateInput, check?: CredentialCheck): Promise<Contact> {
  const { set, custom, links } = await prepare(ctx, input, false);
  const ws = ctx.actor.workspaceId;
  // Records created by a user without an owner belong to that user.
  const ownerId = input.ownerId === undefined && ctx.actor.type === "user" ? ctx.actor.id : (set.owner_id as string | null | undefined);
  const values: NewContactValues = {
    workspace_id: ws,
    id: uuidv7(),
    first_name: input.firstName,
    last_name: input.lastName,
    title: (set.title as string | null | undefined) ?? null,
    emails: (set.emails as string[] | undefined) ?? [],
    phones: (set.phones as string[] | undefined) ?? [],
    addresses: input.addresses ?? [],
    social: input.social ?? {},
    lifecycle_stage: input.lifecycleStage ?? "lead",
    source: (set.source as string | null | undefined) ?? null,
    owner_id: ownerId ?? null,
    tags: (set.tags as string[] | undefined) ?? [],
    notes: (set.notes as string | null | undefined) ?? null,
    custom: custom ?? {},
  };
  if (links?.length) return createWithCompanies(ctx, values, links, check);
  // Without companies everything the person's event says is known before the insert, so the
  // row, its search tokens and its event are one statement (decision 0026).
  const keys = visibleKeys(ctx);
  const expected = presentContact(asNewRow(values), [], keys);
  const when = check?.stillValid;
  const index = newRecordIndexWrites(ws, "p", values.id, contactTokens(values, ctx.customDefs), when);
  const event = eventInsert(
    ctx.tx,
    ctx.actor,
    {
      type: "contact.created",
      entityType: "contact",
      entityId: values.id,
      payload: { after: contactSnapshot(expected), ownerId: expected.ownerId },
    },
    when,
  );
  const row = await insertChecked(ctx, values, [index.tokens, index.vocabulary, event.insert], check);
  return presentContact(row, [], keys);
}

/** The insert, conditioned on the credential check when there is one (settled by its result). */
async function insertChecked(ctx: Context, values: NewContactValues, writes: RawBuilder<unknown>[], check?: CredentialCheck) {
  const row = await contactsRepository.insertWith(ctx.tx, values, writes, check?.stillValid);
  check?.settle(row !== undefined);
  if (!row) throw new Error("contact insert returned no row");
  return row;
}

/** A person created with company links: the links are written, then read back with their names. */
async function createWithCompanies(
  ctx: Context,
  values: NewContactValues,
  links: { companyId: string; role: string | null; isPrimary: boolean }[],
  check?: CredentialCheck,
) {
  const row = await insertChecked(ctx, values, [], check);
  await contactsRepository.setCompanyLinks(ctx.tx, values.workspace_id, row.id, links);
  const contact = await finish(ctx, row);
  await recordEvent(ctx.tx, ctx.actor, {
    type: "contact.created",
    entityType: "contact",
    entityId: row.id,
    payload: { after: contactSnapshot(contact), ownerId: contact.ownerId },
  });
  return contact;
}

/** The row a new contact will have, for what is derived from it before the insert (the columns PostgreSQL computes are not among them). */
function asNewRow(values: NewContactValues): ContactRow {
  const now = new Date();
  return {
    ...values,
    name: "",
    name_key: "",
    last_name_key: "",
    merged_into: null,
    last_interaction_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

const visibleKeys = (ctx: Context) => new Set(ctx.customDefs.map((d) => d.key));

export async function updateContact(ctx: Context, id: string, input: UpdateInput): Promise<Contact> {
  const ws = ctx.actor.workspaceId;
  const before = await contactsRepository.byId(ctx.tx, ws, id, ctx.visibility, { forUpdate: true });
  if (!before) throw notFound("contact");
  const beforeLinks = await contactsRepository.companyLinks(ctx.tx, ws, [id]);
  const beforeContact = presentContact(before, beforeLinks.get(id) ?? [], new Set(ctx.customDefs.map((d) => d.key)));
  const { set, custom, links } = await prepare(ctx, input, true);
  const first = (set.first_name as string | undefined) ?? before.first_name;
  const last = (set.last_name as string | undefined) ?? before.last_name;
  if (!first && !last)
    throw badRequest("validation_failed", "A first or last name is required.", [{ path: "body.lastName", message: "required" }]);
  const row = await ctx.tx
    .updateTable("contacts")
    .set({
      ...set,
      ...(custom ? { custom: sql`${sql.ref("custom")} || ${JSON.stringify(custom)}::jsonb` } : {}),
      updated_at: sql`now()`,
    } as never)
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (custom && Object.values(custom).some((v) => v === null)) {
    // Cleared values are removed from the JSON rather than stored as null.
    const cleared = Object.keys(custom).filter((k) => custom[k] === null);
    await sql`UPDATE contacts SET custom = custom - ${cleared}::text[] WHERE workspace_id = ${ws} AND id = ${id}`.execute(ctx.tx);
    row.custom = Object.fromEntries(Object.entries(row.custom).filter(([k]) => !cleared.includes(k)));
  }
  if (links) await contactsRepository.setCompanyLinks(ctx.tx, ws, id, links);
  const contact = await finish(ctx, row);
  const changes = diff(contactSnapshot(beforeContact), contactSnapshot(contact));
  if (Object.keys(changes).length > 0) {
    await recordEvent(ctx.tx, ctx.actor, {
      type: "contact.updated",
      entityType: "contact",
      entityId: id,
      payload: { changes, ownerId: contact.ownerId, previousOwnerId: beforeContact.ownerId },
    });
  }
  return contact;
}

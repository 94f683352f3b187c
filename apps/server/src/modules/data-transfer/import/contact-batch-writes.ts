import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { type EntityCode, recordTokens, type Token } from "../../search/index.js";
import type { UpdatedPayload } from "./contact-events.rules.js";
import type { StoredContact } from "./contact-merge.rules.js";

/**
 * Set-based writes of a batch of people: one statement per kind of write, whatever the
 * batch size, so an import runs at the speed of the database rather than of round trips.
 * The values are the ones `applyRow` computed from the API's normalisation.
 */
const RECORD = sql`x(id uuid, first_name text, last_name text, title text, emails text[], phones text[], addresses jsonb,
  lifecycle_stage text, source text, owner_id uuid, tags text[], notes text, custom jsonb)`;

const RECORD_WITH_COMPANY = sql`x(id uuid, first_name text, last_name text, title text, emails text[], phones text[], addresses jsonb,
  lifecycle_stage text, source text, owner_id uuid, tags text[], notes text, custom jsonb, company_id uuid, event_id uuid)`;

const asJson = (rows: { id: string; values: StoredContact }[]) => JSON.stringify(rows.map((r) => ({ id: r.id, ...r.values })));

/**
 * Inserts new people and, in the same statement, their `contact.created` events with the
 * payload `createContact` writes (`after`: the audited fields; `ownerId`). `companyId`: the
 * company the person is linked to by the same batch.
 */
export async function insertContacts(tx: Transaction<DB>, actor: Actor, rows: { id: string; values: StoredContact; companyId?: string }[]) {
  if (rows.length === 0) return;
  const ws = actor.workspaceId;
  const json = JSON.stringify(rows.map((r) => ({ id: r.id, ...r.values, company_id: r.companyId ?? null, event_id: uuidv7() })));
  await sql`WITH x AS MATERIALIZED (SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS ${RECORD_WITH_COMPANY}),
            ins AS (
              INSERT INTO contacts (workspace_id, id, first_name, last_name, title, emails, phones, addresses, lifecycle_stage, source,
                                    owner_id, tags, notes, custom)
              SELECT ${ws}::uuid, x.id, x.first_name, x.last_name, x.title, x.emails, x.phones, x.addresses, x.lifecycle_stage, x.source,
                     x.owner_id, x.tags, x.notes, x.custom
                FROM x
              RETURNING id, first_name, last_name, title, emails, phones, addresses, social, lifecycle_stage, source, owner_id, tags, notes, custom)
            INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, actor_id, payload)
            SELECT ${ws}::uuid, x.event_id, 'contact.created', 'contact', ins.id, ${actor.type}, ${actor.id}::uuid,
                   jsonb_build_object('after', jsonb_build_object(
                       'firstName', ins.first_name, 'lastName', ins.last_name, 'title', ins.title, 'emails', to_jsonb(ins.emails),
                       'phones', to_jsonb(ins.phones), 'addresses', ins.addresses, 'social', ins.social,
                       'lifecycleStage', ins.lifecycle_stage, 'source', ins.source, 'ownerId', ins.owner_id, 'tags', to_jsonb(ins.tags),
                       'notes', ins.notes, 'custom', ins.custom,
                       'companyIds', CASE WHEN x.company_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(x.company_id) END),
                     'ownerId', ins.owner_id)
              FROM ins JOIN x ON x.id = ins.id
             ORDER BY ins.id`.execute(tx);
}

/** The `contact.updated` events of people an import changed (payloads from `updatedPayload`). */
export async function insertUpdatedEvents(tx: Transaction<DB>, actor: Actor, events: { id: string; payload: UpdatedPayload }[]) {
  if (events.length === 0) return;
  await sql`INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, actor_id, payload)
            SELECT ${actor.workspaceId}::uuid, e.event_id, 'contact.updated', 'contact', e.id, ${actor.type}, ${actor.id}::uuid, e.payload
              FROM unnest(${events.map(() => uuidv7())}::uuid[], ${events.map((e) => e.id)}::uuid[], ${events.map((e) => JSON.stringify(e.payload))}::jsonb[])
                   AS e(event_id, id, payload)`.execute(tx);
}

/** Writes the full stored values of people (an import's merge, or undo's before-images). */
export async function updateContacts(tx: Transaction<DB>, ws: string, rows: { id: string; values: StoredContact }[]) {
  if (rows.length === 0) return;
  await sql`UPDATE contacts AS c
               SET first_name = x.first_name, last_name = x.last_name, title = x.title, emails = x.emails, phones = x.phones,
                   addresses = x.addresses, lifecycle_stage = x.lifecycle_stage, source = x.source, owner_id = x.owner_id,
                   tags = x.tags, notes = x.notes, custom = x.custom, updated_at = now()
              FROM jsonb_to_recordset(${asJson(rows)}::jsonb) AS ${RECORD}
             WHERE c.workspace_id = ${ws}::uuid AND c.id = x.id`.execute(tx);
}

/**
 * The batch form of search's `indexRecord` (which indexes one record per call): replaces the
 * tokens of many records in three statements, with the same rules (`recordTokens`) — tokens
 * cut to 100 characters, unique per record and field, word pairs, name tokens of two or more
 * characters added to the vocabulary. `fresh`: the records are new, there is nothing to replace.
 */
export async function indexRecords(
  tx: Transaction<DB>,
  ws: string,
  entity: EntityCode,
  items: { id: string; tokens: Token[] }[],
  opts: { fresh?: boolean } = {},
) {
  if (items.length === 0) return;
  if (!opts.fresh) {
    const ids = items.map((i) => i.id);
    await sql`DELETE FROM search_tokens WHERE workspace_id = ${ws}::uuid AND entity_type = ${entity} AND entity_id = ANY(${ids}::uuid[])`.execute(
      tx,
    );
  }
  const ids: string[] = [];
  const tokens: string[] = [];
  const fields: string[] = [];
  const vocabulary = new Set<string>();
  for (const item of items) {
    // Unique, cut tokens and the record's word pairs, as `indexRecord` writes them.
    for (const t of recordTokens(item.tokens)) {
      ids.push(item.id);
      tokens.push(t.token);
      fields.push(t.field);
      if (t.field === "n" && t.token.length >= 2) vocabulary.add(t.token);
    }
  }
  if (tokens.length === 0) return;
  // In index order, so the B-tree is written page by page rather than at random; new records
  // cannot collide with stored tokens (their ids are new, and tokens are unique per record above).
  await sql`INSERT INTO search_tokens (workspace_id, token, entity_type, entity_id, field)
            SELECT ${ws}::uuid, t.token, ${entity}, t.id, t.field FROM unnest(${ids}::uuid[], ${tokens}::text[], ${fields}::text[]) AS t(id, token, field)
             ORDER BY t.token COLLATE "C", t.id, t.field
            ${opts.fresh ? sql`` : sql`ON CONFLICT DO NOTHING`}`.execute(tx);
  if (vocabulary.size > 0) {
    await sql`INSERT INTO search_vocabulary (workspace_id, token) SELECT ${ws}::uuid, unnest(${[...vocabulary]}::text[]) ON CONFLICT DO NOTHING`.execute(
      tx,
    );
  }
}

/**
 * Links people to companies; a link becomes the primary one when the person has none yet.
 * At most one link per person per call.
 */
export async function linkCompanies(
  tx: Transaction<DB>,
  ws: string,
  links: { contactId: string; companyId: string }[],
  opts: { fresh?: boolean } = {},
) {
  if (links.length === 0) return;
  if (opts.fresh) {
    // New people have no links yet: each link is their primary one.
    await sql`INSERT INTO contact_companies (workspace_id, contact_id, company_id, is_primary)
              SELECT ${ws}::uuid, l.contact_id, l.company_id, true
                FROM unnest(${links.map((l) => l.contactId)}::uuid[], ${links.map((l) => l.companyId)}::uuid[]) AS l(contact_id, company_id)
               ORDER BY l.contact_id`.execute(tx);
    return;
  }
  await sql`INSERT INTO contact_companies (workspace_id, contact_id, company_id, is_primary)
            SELECT ${ws}::uuid, l.contact_id, l.company_id,
                   NOT EXISTS (SELECT 1 FROM contact_companies p WHERE p.workspace_id = ${ws}::uuid AND p.contact_id = l.contact_id AND p.is_primary)
              FROM unnest(${links.map((l) => l.contactId)}::uuid[], ${links.map((l) => l.companyId)}::uuid[]) AS l(contact_id, company_id)
            ON CONFLICT DO NOTHING`.execute(tx);
}

import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import type { StoredCompany } from "./company-merge.rules.js";

/**
 * Set-based writes of a batch of companies, as contact-batch-writes.ts does for people: one
 * statement per kind of write, whatever the batch size.
 */
const RECORD = sql`x(id uuid, name text, domain text, industry text, employees integer, region text, country text, phones text[],
  addresses jsonb, tags text[], source text, notes text, owner_id uuid, custom jsonb)`;

const asJson = (rows: { id: string; values: StoredCompany }[]) => JSON.stringify(rows.map((r) => ({ id: r.id, ...r.values })));

export async function insertCompanies(tx: Transaction<DB>, ws: string, rows: { id: string; values: StoredCompany }[]) {
  if (rows.length === 0) return;
  await sql`INSERT INTO companies (workspace_id, id, name, domain, industry, employees, region, country, phones, addresses, tags, source,
                                   notes, owner_id, custom)
            SELECT ${ws}::uuid, x.id, x.name, x.domain, x.industry, x.employees, x.region, x.country, x.phones, x.addresses, x.tags,
                   x.source, x.notes, x.owner_id, x.custom
              FROM jsonb_to_recordset(${asJson(rows)}::jsonb) AS ${RECORD}
             ORDER BY x.id`.execute(tx);
}

/** Writes the full stored values of companies (an import's merge, or undo's before-images). */
export async function updateCompanies(tx: Transaction<DB>, ws: string, rows: { id: string; values: StoredCompany }[]) {
  if (rows.length === 0) return;
  await sql`UPDATE companies AS c
               SET name = x.name, domain = x.domain, industry = x.industry, employees = x.employees, region = x.region,
                   country = x.country, phones = x.phones, addresses = x.addresses, tags = x.tags, source = x.source,
                   notes = x.notes, owner_id = x.owner_id, custom = x.custom, updated_at = now()
              FROM jsonb_to_recordset(${asJson(rows)}::jsonb) AS ${RECORD}
             WHERE c.workspace_id = ${ws}::uuid AND c.id = x.id`.execute(tx);
}

/** Domain events of companies (`company.created` / `company.updated`), with the payloads the companies module writes. */
export async function insertCompanyEvents(
  tx: Transaction<DB>,
  actor: Actor,
  type: "company.created" | "company.updated",
  events: { id: string; payload: unknown }[],
) {
  if (events.length === 0) return;
  await sql`INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, actor_id, payload)
            SELECT ${actor.workspaceId}::uuid, e.event_id, ${type}, 'company', e.id, ${actor.type}, ${actor.id}::uuid, e.payload
              FROM unnest(${events.map(() => uuidv7())}::uuid[], ${events.map((e) => e.id)}::uuid[], ${events.map((e) => JSON.stringify(e.payload))}::jsonb[])
                   AS e(event_id, id, payload)`.execute(tx);
}

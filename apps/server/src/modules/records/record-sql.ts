import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { type RecordVisibility, recordVisibility } from "../iam/index.js";
import type { EntityCode } from "../search/index.js";

type Q = Kysely<DB> | Transaction<DB>;
export type RecordType = "contact" | "company";

/** People are 'p' and companies 'c' wherever a row points at either (links, documents, search). */
export const ENTITY_CODE: Record<RecordType, EntityCode> = { contact: "p", company: "c" };
export const RECORD_TYPE: Record<EntityCode, RecordType> = { p: "contact", c: "company" };
const TABLE: Record<EntityCode, "contacts" | "companies"> = { p: "contacts", c: "companies" };

/** SQL: the person or company row `alias` is visible to the caller (owner in scope, or unowned). */
export function ownerVisible(alias: string, v: RecordVisibility): RawBuilder<boolean> {
  if (v.all) return sql<boolean>`true`;
  const owner = sql.ref(`${alias}.owner_id`);
  return sql<boolean>`(${owner} IS NULL OR ${owner} = ANY(${v.ownerIds}::uuid[]))`;
}

/**
 * SQL: the record that the row `alias` points at (columns workspace_id, entity_type 'p'/'c',
 * entity_id — interaction links, documents) is visible to the caller. Trashed records count:
 * their 360° page still opens.
 */
export function linkedRecordVisible(alias: string, v: RecordVisibility): RawBuilder<boolean> {
  if (v.all) return sql<boolean>`true`;
  const ws = sql.ref(`${alias}.workspace_id`);
  const id = sql.ref(`${alias}.entity_id`);
  const visibleIn = (table: string) =>
    sql`EXISTS (SELECT 1 FROM ${sql.table(table)} AS r WHERE r.workspace_id = ${ws} AND r.id = ${id} AND ${ownerVisible("r", v)})`;
  return sql<boolean>`(CASE ${sql.ref(`${alias}.entity_type`)} WHEN 'p' THEN ${visibleIn("contacts")} ELSE ${visibleIn("companies")} END)`;
}

/**
 * SQL: the person or company `id` exists and the caller may see it, trashed or not (as
 * `visibleRecords` with includeDeleted) — for folding the 360° panels' check into their own
 * statement.
 */
export function recordVisible(workspaceId: string, type: RecordType, id: string, v: RecordVisibility): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(TABLE[ENTITY_CODE[type]])} AS r
                               WHERE r.workspace_id = ${workspaceId}::uuid AND r.id = ${id}::uuid AND ${ownerVisible("r", v)})`;
}

/**
 * The people or companies among `ids` that the caller may see, with their names (live ones;
 * trashed ones too when asked). For modules that attach things to records: interactions,
 * documents.
 */
export async function visibleRecords(
  q: Q,
  workspaceId: string,
  type: RecordType,
  ids: string[],
  v: RecordVisibility,
  opts: { includeDeleted?: boolean } = {},
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const live = opts.includeDeleted ? sql`true` : sql`r.deleted_at IS NULL`;
  const rows = await sql<{ id: string; name: string }>`
    SELECT r.id, r.name FROM ${sql.table(TABLE[ENTITY_CODE[type]])} AS r
     WHERE r.workspace_id = ${workspaceId}::uuid AND r.id = ANY(${ids}::uuid[]) AND ${live} AND ${ownerVisible("r", v)}`.execute(q);
  return rows.rows;
}

/** Whether the caller sees at least one of these people or companies (realtime rules of linked things). */
export async function anyRecordVisible(db: Q, p: Principal, refs: { contactIds: string[]; companyIds: string[] }): Promise<boolean> {
  const v = await recordVisibility(db, p);
  if (v.all) return true;
  const opts = { includeDeleted: true };
  return (
    (await visibleRecords(db, p.workspaceId, "contact", refs.contactIds, v, opts)).length > 0 ||
    (await visibleRecords(db, p.workspaceId, "company", refs.companyIds, v, opts)).length > 0
  );
}

/**
 * Sets `last_interaction_at` of people or companies: `greatest` keeps a later stored value
 * (a new interaction never moves it back); `exact` writes the value (recomputed after an
 * interaction moved or was deleted). A derived column: `updated_at` and events stay untouched.
 */
export async function setLastInteraction(
  tx: Transaction<DB>,
  workspaceId: string,
  entity: EntityCode,
  values: { id: string; at: Date | null }[],
  mode: "greatest" | "exact",
) {
  if (values.length === 0) return;
  const t = sql.table(TABLE[entity]);
  const ids = values.map((x) => x.id);
  const ats = values.map((x) => x.at?.toISOString() ?? null);
  const next = mode === "greatest" ? sql`greatest(r.last_interaction_at, v.at)` : sql`v.at`;
  await sql`UPDATE ${t} AS r SET last_interaction_at = ${next}
              FROM unnest(${ids}::uuid[], ${ats}::timestamptz[]) AS v(id, at)
             WHERE r.workspace_id = ${workspaceId}::uuid AND r.id = v.id`.execute(tx);
}

import { dealStatuses } from "@rapport/contract";
import { type RawBuilder, sql } from "kysely";
import { col, type FieldDef, type Filter, filterCondition } from "../../platform/db/list-query/index.js";

/** The alias of the deals table in list and board queries; the field expressions below use it. */
export const DEAL_ALIAS = "d";
const A = DEAL_ALIAS;

/** SQL: the open deal (alias d) has stayed in its stage past the stage's rotting days. */
export const rottingExpr = sql`(${col(A, "status")} = 'open' AND ${col(A, "rots_at")} IS NOT NULL AND ${col(A, "rots_at")} <= now())`;

/** What deal lists and the board can filter and sort on. */
export function dealFields(): Map<string, FieldDef> {
  const defs: FieldDef[] = [
    { key: "name", label: "Name", type: "text", expr: col(A, "name"), sortExpr: col(A, "name_key"), sortable: true, notNull: true },
    { key: "pipelineId", label: "Pipeline", type: "uuid", expr: col(A, "pipeline_id"), sortable: false },
    { key: "stageId", label: "Stage", type: "uuid", expr: col(A, "stage_id"), sortable: false },
    { key: "status", label: "Status", type: "select", expr: col(A, "status"), sortable: true, notNull: true, options: [...dealStatuses] },
    { key: "ownerId", label: "Owner", type: "uuid", expr: col(A, "owner_id"), sortable: true },
    { key: "companyId", label: "Company", type: "uuid", expr: col(A, "company_id"), sortable: false },
    // A deal has many contacts: dealConditions turns this filter into EXISTS on deal_contacts.
    { key: "contactId", label: "Contact", type: "uuid", expr: col(A, "id"), sortable: false },
    { key: "amountMinor", label: "Amount", type: "number", expr: col(A, "amount_minor"), sortable: true, notNull: true },
    { key: "currency", label: "Currency", type: "text", expr: sql`(${col(A, "currency")})::text`, sortable: true, notNull: true },
    { key: "expectedCloseDate", label: "Expected close", type: "date", expr: col(A, "expected_close_date"), sortable: true },
    { key: "region", label: "Region", type: "text", expr: col(A, "region"), sortable: true },
    { key: "rotting", label: "Rotting", type: "boolean", expr: rottingExpr, sortable: false },
    { key: "source", label: "Source", type: "text", expr: col(A, "source"), sortable: true },
    { key: "campaign", label: "Campaign", type: "text", expr: col(A, "campaign"), sortable: true },
    { key: "closedAt", label: "Closed", type: "datetime", expr: col(A, "closed_at"), sortable: true },
    { key: "stageEnteredAt", label: "In stage since", type: "datetime", expr: col(A, "stage_entered_at"), sortable: true, notNull: true },
    { key: "createdAt", label: "Created", type: "datetime", expr: col(A, "created_at"), sortable: true, notNull: true },
    { key: "updatedAt", label: "Updated", type: "datetime", expr: col(A, "updated_at"), sortable: true, notNull: true },
    { key: "deletedAt", label: "Deleted", type: "datetime", expr: col(A, "deleted_at"), sortable: true },
  ];
  return new Map(defs.map((d) => [d.key, d]));
}

/**
 * Splits parsed filters into those the generic list builder handles and SQL conditions of
 * its own: a deal has many contacts, so "has contact X" is an EXISTS on deal_contacts.
 */
export function dealConditions(filters: Filter[]): { filters: Filter[]; conditions: RawBuilder<boolean>[] } {
  const rest: Filter[] = [];
  const conditions: RawBuilder<boolean>[] = [];
  for (const f of filters) {
    if (f.field.key !== "contactId") {
      rest.push(f);
      continue;
    }
    const linked = (ids: string[] | null) =>
      sql<boolean>`EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.workspace_id = ${col(A, "workspace_id")} AND dc.deal_id = ${col(A, "id")}${
        ids ? sql` AND dc.contact_id = ANY(${ids}::uuid[])` : sql``
      })`;
    const ids = Array.isArray(f.value) ? f.value : [String(f.value)];
    if (f.op === "eq" || f.op === "in") conditions.push(linked(ids));
    else if (f.op === "ne") conditions.push(sql<boolean>`NOT ${linked(ids)}`);
    else conditions.push(f.value === true ? sql<boolean>`NOT ${linked(null)}` : linked(null));
  }
  return { filters: rest, conditions };
}

/** All filters as SQL conditions (the board builds its own queries). */
export function allConditions(filters: Filter[]): RawBuilder<boolean>[] {
  const split = dealConditions(filters);
  return [...split.conditions, ...split.filters.map(filterCondition)];
}

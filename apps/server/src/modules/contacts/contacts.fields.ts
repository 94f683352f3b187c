import { type FieldInfo, lifecycleStages } from "@rapport/contract";
import { sql } from "kysely";
import { col, customFieldDef, type FieldDef, OPERATORS } from "../../platform/db/list-query/index.js";
import type { CustomFieldRow } from "../custom-fields/index.js";

const A = "c";

/**
 * The built-in fields, built once: their SQL fragments are immutable and hold no request
 * data, so every list request shares them instead of building them again (decision 0032).
 */
const BUILT_IN: readonly FieldDef[] = [
  { key: "name", label: "Name", type: "text", expr: col(A, "name"), sortExpr: col(A, "name_key"), sortable: true, notNull: true },
  { key: "firstName", label: "First name", type: "text", expr: col(A, "first_name"), sortable: true, notNull: true },
  {
    key: "lastName",
    label: "Last name",
    type: "text",
    expr: col(A, "last_name"),
    sortExpr: col(A, "last_name_key"),
    sortable: true,
    notNull: true,
  },
  { key: "title", label: "Title", type: "text", expr: col(A, "title"), sortable: true },
  { key: "email", label: "Email", type: "text_array", expr: col(A, "emails"), sortable: false },
  { key: "phone", label: "Phone", type: "text_array", expr: col(A, "phones"), sortable: false },
  {
    key: "lifecycleStage",
    label: "Lifecycle stage",
    type: "select",
    expr: col(A, "lifecycle_stage"),
    sortable: true,
    notNull: true,
    options: [...lifecycleStages],
  },
  { key: "source", label: "Source", type: "text", expr: col(A, "source"), sortable: true },
  { key: "ownerId", label: "Owner", type: "uuid", expr: col(A, "owner_id"), sortable: true },
  { key: "tags", label: "Tags", type: "text_array", expr: col(A, "tags"), sortable: false },
  {
    key: "companyId",
    label: "Company",
    type: "uuid",
    // Any linked company; the subquery stays inside the workspace.
    expr: sql`(SELECT cc.company_id FROM contact_companies cc WHERE cc.workspace_id = c.workspace_id AND cc.contact_id = c.id ORDER BY cc.is_primary DESC LIMIT 1)`,
    sortable: false,
  },
  { key: "city", label: "City", type: "text", expr: sql`(c.addresses->0->>'city')`, sortable: true },
  { key: "country", label: "Country", type: "text", expr: sql`(c.addresses->0->>'country')`, sortable: true },
  { key: "lastInteractionAt", label: "Last interaction", type: "datetime", expr: col(A, "last_interaction_at"), sortable: true },
  { key: "createdAt", label: "Created", type: "datetime", expr: col(A, "created_at"), sortable: true, notNull: true },
  { key: "updatedAt", label: "Updated", type: "datetime", expr: col(A, "updated_at"), sortable: true, notNull: true },
  { key: "deletedAt", label: "Deleted", type: "datetime", expr: col(A, "deleted_at"), sortable: true },
];

/** What contact lists can filter and sort on: built-in fields, then the custom ones. */
export function contactFields(custom: CustomFieldRow[]): Map<string, FieldDef> {
  const defs: FieldDef[] = [...BUILT_IN];
  for (const c of custom) {
    const def = customFieldDef(A, c);
    if (def) defs.push(def);
  }
  return new Map(defs.map((d) => [d.key, d]));
}

export function presentFields(fields: Map<string, FieldDef>): FieldInfo[] {
  return [...fields.values()].map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    operators: OPERATORS[f.type],
    sortable: f.sortable,
    ...(f.options ? { options: f.options } : {}),
    custom: f.custom ?? false,
  }));
}

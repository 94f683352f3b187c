import { lifecycleStages } from "@rapport/contract";
import { sql } from "kysely";
import { col, customFieldDef, type FieldDef } from "../../platform/db/list-query/index.js";
import type { CustomFieldRow } from "../custom-fields/index.js";

/** The alias of the companies table in list queries; the field expressions below use it. */
export const COMPANY_ALIAS = "co";
const A = COMPANY_ALIAS;

/** What company lists can filter and sort on: built-in fields, then the custom ones. */
export function companyFields(custom: CustomFieldRow[]): Map<string, FieldDef> {
  const defs: FieldDef[] = [
    { key: "name", label: "Name", type: "text", expr: col(A, "name"), sortExpr: col(A, "name_key"), sortable: true, notNull: true },
    // citext compares case-insensitively only against citext; as text, filters see the stored lower case.
    { key: "domain", label: "Domain", type: "text", expr: sql`(${col(A, "domain")})::text`, sortable: true },
    { key: "industry", label: "Industry", type: "text", expr: col(A, "industry"), sortable: true },
    { key: "size", label: "Size", type: "text", expr: col(A, "size"), sortable: true },
    { key: "employees", label: "Employees", type: "number", expr: col(A, "employees"), sortable: true },
    { key: "region", label: "Region", type: "text", expr: col(A, "region"), sortable: true },
    { key: "country", label: "Country", type: "text", expr: sql`(${col(A, "country")})::text`, sortable: true },
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
    { key: "city", label: "City", type: "text", expr: sql`(${col(A, "addresses")}->0->>'city')`, sortable: true },
    { key: "lastInteractionAt", label: "Last interaction", type: "datetime", expr: col(A, "last_interaction_at"), sortable: true },
    { key: "createdAt", label: "Created", type: "datetime", expr: col(A, "created_at"), sortable: true, notNull: true },
    { key: "updatedAt", label: "Updated", type: "datetime", expr: col(A, "updated_at"), sortable: true, notNull: true },
    { key: "deletedAt", label: "Deleted", type: "datetime", expr: col(A, "deleted_at"), sortable: true },
  ];
  for (const c of custom) {
    const def = customFieldDef(A, c);
    if (def) defs.push(def);
  }
  return new Map(defs.map((d) => [d.key, d]));
}

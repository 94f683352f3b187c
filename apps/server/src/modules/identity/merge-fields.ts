import type { ContactRow } from "../contacts/index.js";
import type { CustomFieldRow } from "../custom-fields/index.js";
import type { MergeSide } from "./merge-defaults.rules.js";

/**
 * The fields of a person a merge chooses between (emails, phones and tags are always
 * united; companies, interactions and documents move by participants). Custom fields are
 * chosen one by one as "custom.<key>".
 */
const BUILT_IN: { field: string; label: string; column: keyof ContactRow; input: string }[] = [
  { field: "firstName", label: "First name", column: "first_name", input: "firstName" },
  { field: "lastName", label: "Last name", column: "last_name", input: "lastName" },
  { field: "title", label: "Title", column: "title", input: "title" },
  { field: "lifecycleStage", label: "Lifecycle stage", column: "lifecycle_stage", input: "lifecycleStage" },
  { field: "source", label: "Source", column: "source", input: "source" },
  { field: "ownerId", label: "Owner", column: "owner_id", input: "ownerId" },
  { field: "notes", label: "Notes", column: "notes", input: "notes" },
  { field: "addresses", label: "Addresses", column: "addresses", input: "addresses" },
  { field: "social", label: "Social profiles", column: "social", input: "social" },
];

export type MergeField = { field: string; label: string; survivor: unknown; merged: unknown };

export function mergeFields(survivor: ContactRow, merged: ContactRow, defs: CustomFieldRow[]): MergeField[] {
  const out: MergeField[] = BUILT_IN.map((f) => ({
    field: f.field,
    label: f.label,
    survivor: survivor[f.column],
    merged: merged[f.column],
  }));
  for (const d of defs) {
    out.push({ field: `custom.${d.key}`, label: d.label, survivor: survivor.custom[d.key] ?? null, merged: merged.custom[d.key] ?? null });
  }
  return out;
}

export function mergeSide(row: ContactRow, fields: MergeField[], which: "survivor" | "merged"): MergeSide {
  return {
    updatedAt: new Date(row.updated_at).toISOString(),
    source: row.source,
    values: Object.fromEntries(fields.map((f) => [f.field, f[which]])),
  };
}

/** The update the survivor receives: chosen values from the merged record where asked. */
export function survivorUpdate(
  fields: MergeField[],
  choices: Record<string, "survivor" | "merged">,
  unions: { emails: string[]; phones: string[]; tags: string[] },
): Record<string, unknown> {
  const update: Record<string, unknown> = { ...unions };
  const custom: Record<string, unknown> = {};
  for (const f of fields) {
    if (choices[f.field] !== "merged") continue;
    if (f.field.startsWith("custom.")) custom[f.field.slice(7)] = f.merged ?? null;
    else update[BUILT_IN.find((b) => b.field === f.field)?.input as string] = f.merged;
  }
  if (Object.keys(custom).length > 0) update.custom = custom;
  return update;
}

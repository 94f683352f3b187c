import type { Playbook, PlaybookVariant } from "@rapport/contract";
import type { PlaybookRow, VariantRow } from "./playbooks.repository.js";

/** The one place a playbook row becomes an API object. */
export function presentPlaybook(row: PlaybookRow, variants: VariantRow[]): Playbook {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    name: row.name,
    stages: row.stages,
    variants: variants
      .filter((v) => v.playbook_id === row.id)
      .map((v) => ({ region: v.region, name: v.name, updatedAt: v.updated_at.toISOString() })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentVariant(row: VariantRow): PlaybookVariant {
  return { region: row.region, name: row.name, stages: row.stages, updatedAt: row.updated_at.toISOString() };
}

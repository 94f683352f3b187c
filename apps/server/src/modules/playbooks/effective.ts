import type { EffectiveStage } from "@rapport/contract";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { PlaybookRow, VariantRow } from "./playbooks.repository.js";
import { playbooksRepository } from "./playbooks.repository.js";
import { resolvePlaybook, variantForRegion } from "./resolve.rules.js";

type Q = Kysely<DB> | Transaction<DB>;

/** A playbook as one region sees it: the matching variant (or none) applied to the global stages. */
export async function effectiveFor(
  q: Q,
  playbook: PlaybookRow,
  region: string | null,
): Promise<{ variant: VariantRow | null; stages: EffectiveStage[] }> {
  const variants = await playbooksRepository.variants(q, playbook.workspace_id, [playbook.id]);
  const variant = variantForRegion(variants, region);
  return { variant, stages: resolvePlaybook(playbook.stages, variant) };
}

/** One side of a comparison or export: "global" or a variant's exact code; undefined when no such variant. */
export async function versionOf(q: Q, playbook: PlaybookRow, side: string) {
  if (side === "global") return { variant: null, stages: resolvePlaybook(playbook.stages, null) };
  const variant = await playbooksRepository.variant(q, playbook.workspace_id, playbook.id, side);
  return variant ? { variant, stages: resolvePlaybook(playbook.stages, variant) } : undefined;
}

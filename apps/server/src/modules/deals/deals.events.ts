import type { Deal } from "@rapport/contract";

/**
 * The payload of `deal.stage_changed`, emitted when a deal enters a stage: on creation
 * (fromStageId null) and on every move through POST /api/v1/deals/{id}/stage. Playbooks and
 * automation consume it: keep these fields stable (add, never rename or remove). Documented
 * in docs/guides/sales.md.
 */
export type DealStageChanged = {
  dealId: string;
  pipelineId: string;
  fromPipelineId: string | null;
  fromStageId: string | null;
  toStageId: string;
  status: Deal["status"];
  ownerId: string | null;
  region: string | null;
  amountMinor: number;
  currency: string;
};

export function stageChangedPayload(deal: Deal, from: { pipelineId: string; stageId: string } | null): DealStageChanged {
  return {
    dealId: deal.id,
    pipelineId: deal.pipelineId,
    fromPipelineId: from?.pipelineId ?? null,
    fromStageId: from?.stageId ?? null,
    toStageId: deal.stageId,
    status: deal.status,
    ownerId: deal.ownerId,
    region: deal.region,
    amountMinor: deal.amountMinor,
    currency: deal.currency,
  };
}

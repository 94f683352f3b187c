import type { Deal, DealCard, DealHistory } from "@rapport/contract";
import type { DealContactRow, DealRow, LineItemRow } from "./deals.repository.js";
import { fromBasisPoints, fromMilli, weighted } from "./line-items.rules.js";
import type { StageRow } from "./pipelines.repository.js";
import { daysSince, isRotting } from "./stage.rules.js";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export type DealRelated = {
  stages: Map<string, StageRow>;
  companyNames: Map<string, string>;
  contacts: Map<string, DealContactRow[]>;
  lineItems: Map<string, LineItemRow[]>;
  now: Date;
};

export function presentDeal(d: DealRow, r: DealRelated): Deal {
  const probability = r.stages.get(d.stage_id)?.probability ?? 0;
  return {
    id: d.id,
    name: d.name,
    pipelineId: d.pipeline_id,
    stageId: d.stage_id,
    status: d.status,
    lostReason: d.lost_reason,
    closedAt: iso(d.closed_at),
    amountMinor: d.amount_minor,
    currency: d.currency,
    probability,
    weightedAmountMinor: weighted(d.amount_minor, probability),
    amountFromLineItems: d.has_line_items,
    expectedCloseDate: d.expected_close_date,
    ownerId: d.owner_id,
    companyId: d.company_id,
    companyName: d.company_id ? (r.companyNames.get(d.company_id) ?? null) : null,
    contacts: (r.contacts.get(d.id) ?? []).map((c) => ({ contactId: c.contact_id, name: c.name, role: c.role })),
    source: d.source,
    campaign: d.campaign,
    region: d.region,
    lineItems: (r.lineItems.get(d.id) ?? []).map((l) => ({
      id: l.id,
      productId: l.product_id,
      productCode: l.product_code,
      productName: l.product_name,
      quantity: fromMilli(l.quantity_milli),
      unitPriceMinor: l.unit_price_minor,
      discountPercent: l.discount_bp === null ? null : fromBasisPoints(l.discount_bp),
      discountMinor: l.discount_minor,
      totalMinor: l.total_minor,
    })),
    stageEnteredAt: iso(d.stage_entered_at) as string,
    daysInStage: daysSince(d.stage_entered_at, r.now),
    rotting: isRotting(d.status, d.rots_at, r.now),
    createdAt: iso(d.created_at) as string,
    updatedAt: iso(d.updated_at) as string,
    deletedAt: iso(d.deleted_at),
  };
}

export type CardRow = Pick<
  DealRow,
  | "id"
  | "name"
  | "amount_minor"
  | "currency"
  | "company_id"
  | "owner_id"
  | "expected_close_date"
  | "status"
  | "stage_entered_at"
  | "rots_at"
> & { company_name: string | null };

export function presentCard(c: CardRow, now: Date): DealCard {
  return {
    id: c.id,
    name: c.name,
    amountMinor: c.amount_minor,
    currency: c.currency,
    companyId: c.company_id,
    companyName: c.company_name,
    ownerId: c.owner_id,
    expectedCloseDate: c.expected_close_date,
    status: c.status,
    daysInStage: daysSince(c.stage_entered_at, now),
    rotting: isRotting(c.status, c.rots_at, now),
  };
}

/** The audited fields of a deal (events and the audit trail); derived and clock fields left out. */
export function dealSnapshot(d: Deal) {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    deletedAt: _d,
    daysInStage: _days,
    rotting: _r,
    stageEnteredAt: _s,
    weightedAmountMinor: _w,
    companyName: _cn,
    contacts,
    lineItems,
    ...rest
  } = d;
  return {
    ...rest,
    contacts: contacts.map((c) => ({ contactId: c.contactId, role: c.role })),
    lineItems: lineItems.map(({ id: _lid, productCode: _pc, productName: _pn, ...l }) => l),
  };
}

type HistoryRows = {
  stages: { pipeline_id: string; stage_id: string; stage_name: string; entered_at: Date; left_at: Date | null }[];
  snapshots: {
    recorded_at: Date;
    pipeline_id: string;
    stage_id: string;
    status: Deal["status"];
    amount_minor: number;
    currency: string;
    probability: number;
    expected_close_date: string | null;
    changed: string[];
  }[];
};

export function presentHistory(h: HistoryRows): DealHistory {
  return {
    stages: h.stages.map((s) => ({
      pipelineId: s.pipeline_id,
      stageId: s.stage_id,
      stageName: s.stage_name,
      enteredAt: iso(s.entered_at) as string,
      leftAt: iso(s.left_at),
    })),
    snapshots: h.snapshots.map((s) => ({
      recordedAt: iso(s.recorded_at) as string,
      pipelineId: s.pipeline_id,
      stageId: s.stage_id,
      status: s.status,
      amountMinor: s.amount_minor,
      currency: s.currency,
      probability: s.probability,
      expectedCloseDate: s.expected_close_date,
      changed: s.changed,
    })),
  };
}

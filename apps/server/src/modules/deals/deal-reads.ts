import type { Deal } from "@rapport/contract";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { presentDeal } from "./deals.presenter.js";
import { type DealRow, dealsRepository } from "./deals.repository.js";
import { pipelinesRepository } from "./pipelines.repository.js";

/** Deals as API objects: their stages, company names, contacts and line items in four reads. */
export async function presentDeals(q: Kysely<DB> | Transaction<DB>, ws: string, rows: DealRow[], now = new Date()): Promise<Deal[]> {
  const ids = rows.map((r) => r.id);
  const related = {
    stages: await pipelinesRepository.stagesByIds(
      q,
      ws,
      rows.map((r) => r.stage_id),
    ),
    companyNames: await dealsRepository.companyNames(
      q,
      ws,
      rows.flatMap((r) => (r.company_id ? [r.company_id] : [])),
    ),
    contacts: await dealsRepository.contactsOf(q, ws, ids),
    lineItems: await dealsRepository.lineItemsOf(q, ws, ids),
    now,
  };
  return rows.map((r) => presentDeal(r, related));
}

import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { anyUuid } from "../../platform/db/any-uuid.js";
import type { DB, DealsTable } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";
import { ownerVisible } from "../records/index.js";

type Q = Kysely<DB> | Transaction<DB>;
export type DealRow = Selectable<DealsTable>;
export type DealContactRow = { deal_id: string; contact_id: string; name: string; role: string | null };
export type LineItemRow = {
  id: string;
  deal_id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  quantity_milli: number;
  unit_price_minor: number;
  discount_bp: number | null;
  discount_minor: number;
  total_minor: number;
};
export type SnapshotFields = {
  pipeline_id: string;
  stage_id: string;
  status: DealRow["status"];
  amount_minor: number;
  currency: string;
  probability: number;
  expected_close_date: string | null;
};

/** SQL condition: the deal (alias `d`) is visible to the caller — by its owner, like people and companies. */
export function dealVisible(v: RecordVisibility): RawBuilder<boolean> {
  return ownerVisible("d", v);
}

function groupBy<T extends { deal_id: string }>(ids: string[], rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) map.get(r.deal_id)?.push(r);
  return map;
}

export const dealsRepository = {
  byId: (q: Q, ws: string, id: string, v: RecordVisibility, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}) => {
    let query = q.selectFrom("deals as d").selectAll().where("d.workspace_id", "=", ws).where("d.id", "=", id).where(dealVisible(v));
    if (!opts.includeDeleted) query = query.where("d.deleted_at", "is", null);
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /**
   * What search shows of the visible live deals in the uuid array `ids`, with their
   * company's name (as `companyNames` reads it): a SELECT that search's one statement
   * embeds (decision 0033), not run on its own.
   */
  searchRecords: (q: Q, ws: string, ids: RawBuilder<unknown>, v: RecordVisibility) =>
    q
      .selectFrom("deals as d")
      .select(["d.id", "d.name", "d.company_id"])
      .select(
        sql<string | null>`(SELECT co.name FROM companies co WHERE co.workspace_id = d.workspace_id AND co.id = d.company_id)`.as(
          "company_name",
        ),
      )
      .where("d.workspace_id", "=", ws)
      .where(sql<boolean>`d.id = ANY(${ids})`)
      .where("d.deleted_at", "is", null)
      .where(dealVisible(v)),

  contactsOf: async (q: Q, ws: string, dealIds: string[]) => {
    if (dealIds.length === 0) return new Map<string, DealContactRow[]>();
    const rows = await q
      .selectFrom("deal_contacts as dc")
      .innerJoin("contacts as c", (j) => j.onRef("c.workspace_id", "=", "dc.workspace_id").onRef("c.id", "=", "dc.contact_id"))
      .select(["dc.deal_id", "dc.contact_id", "c.name", "dc.role"])
      .where("dc.workspace_id", "=", ws)
      .where("dc.deal_id", "=", anyUuid(dealIds))
      .where("c.deleted_at", "is", null)
      .orderBy("dc.position")
      .execute();
    return groupBy(dealIds, rows);
  },

  lineItemsOf: async (q: Q, ws: string, dealIds: string[]) => {
    if (dealIds.length === 0) return new Map<string, LineItemRow[]>();
    const rows = await q
      .selectFrom("deal_line_items as l")
      .innerJoin("products as p", (j) => j.onRef("p.workspace_id", "=", "l.workspace_id").onRef("p.id", "=", "l.product_id"))
      .select([
        "l.id",
        "l.deal_id",
        "l.product_id",
        "p.code as product_code",
        "p.name as product_name",
        "l.quantity_milli",
        "l.unit_price_minor",
        "l.discount_bp",
        "l.discount_minor",
        "l.total_minor",
      ])
      .where("l.workspace_id", "=", ws)
      .where("l.deal_id", "=", anyUuid(dealIds))
      .orderBy("l.position")
      .execute();
    return groupBy(dealIds, rows);
  },

  /** Company names by id (shown on deals like people show their companies' names). */
  companyNames: async (q: Q, ws: string, companyIds: string[]) => {
    const ids = [...new Set(companyIds)];
    if (ids.length === 0) return new Map<string, string>();
    const rows = await q
      .selectFrom("companies")
      .select(["id", "name"])
      .where("workspace_id", "=", ws)
      .where("id", "=", anyUuid(ids))
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  setContacts: async (tx: Transaction<DB>, ws: string, dealId: string, contacts: { contactId: string; role: string | null }[]) => {
    await tx.deleteFrom("deal_contacts").where("workspace_id", "=", ws).where("deal_id", "=", dealId).execute();
    if (contacts.length === 0) return;
    await tx
      .insertInto("deal_contacts")
      .values(contacts.map((c, i) => ({ workspace_id: ws, deal_id: dealId, contact_id: c.contactId, role: c.role, position: i })))
      .execute();
  },

  setLineItems: async (
    tx: Transaction<DB>,
    ws: string,
    dealId: string,
    lines: {
      productId: string;
      quantityMilli: number;
      unitPriceMinor: number;
      discountBp: number | null;
      discountMinor: number;
      totalMinor: number;
    }[],
  ) => {
    await tx.deleteFrom("deal_line_items").where("workspace_id", "=", ws).where("deal_id", "=", dealId).execute();
    if (lines.length === 0) return;
    await tx
      .insertInto("deal_line_items")
      .values(
        lines.map((l, i) => ({
          workspace_id: ws,
          id: uuidv7(),
          deal_id: dealId,
          product_id: l.productId,
          position: i,
          quantity_milli: l.quantityMilli,
          unit_price_minor: l.unitPriceMinor,
          discount_bp: l.discountBp,
          discount_minor: l.discountMinor,
          total_minor: l.totalMinor,
        })),
      )
      .execute();
  },

  /** Ends the deal's current stage period and starts one in its new stage. */
  enterStage: async (tx: Transaction<DB>, ws: string, dealId: string, to: { pipelineId: string; stageId: string }, at: Date) => {
    await tx
      .updateTable("deal_stage_periods")
      .set({ left_at: at })
      .where("workspace_id", "=", ws)
      .where("deal_id", "=", dealId)
      .where("left_at", "is", null)
      .execute();
    await tx
      .insertInto("deal_stage_periods")
      .values({ workspace_id: ws, id: uuidv7(), deal_id: dealId, pipeline_id: to.pipelineId, stage_id: to.stageId, entered_at: at })
      .execute();
  },

  snapshot: (tx: Transaction<DB>, ws: string, dealId: string, s: SnapshotFields, changed: string[], at: Date) =>
    tx
      .insertInto("deal_snapshots")
      .values({ workspace_id: ws, id: uuidv7(), deal_id: dealId, recorded_at: at, ...s, changed })
      .execute(),

  /** A snapshot of every live deal of a stage (after the stage's probability changed). */
  snapshotStage: async (tx: Transaction<DB>, ws: string, stageId: string, changed: string[]) => {
    const deals = await tx
      .selectFrom("deals")
      .select("id")
      .where("workspace_id", "=", ws)
      .where("stage_id", "=", stageId)
      .where("deleted_at", "is", null)
      .execute();
    if (deals.length === 0) return;
    // Ids are made here (UUID v7) so any PostgreSQL ≥ 15 runs this, not only 18's uuidv7().
    const dealIds = deals.map((d) => d.id);
    const ids = dealIds.map(() => uuidv7());
    await sql`INSERT INTO deal_snapshots (workspace_id, id, deal_id, recorded_at, pipeline_id, stage_id, status, amount_minor, currency,
                                          probability, expected_close_date, changed)
              SELECT d.workspace_id, u.id, d.id, now(), d.pipeline_id, d.stage_id, d.status, d.amount_minor, d.currency,
                     s.probability, d.expected_close_date, ${changed}::text[]
                FROM unnest(${dealIds}::uuid[], ${ids}::uuid[]) AS u(deal_id, id)
                JOIN deals d ON d.workspace_id = ${ws}::uuid AND d.id = u.deal_id
                JOIN pipeline_stages s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id`.execute(tx);
  },

  /** Keeps `rots_at` of the deals in a stage in line with the stage's rotting days and kind. */
  recomputeRotting: async (tx: Transaction<DB>, ws: string, stageId: string) => {
    await sql`UPDATE deals d SET rots_at = CASE WHEN s.kind = 'open' AND s.rotting_days IS NOT NULL
                                              THEN d.stage_entered_at + make_interval(days => s.rotting_days) END
                FROM pipeline_stages s
               WHERE s.workspace_id = d.workspace_id AND s.id = d.stage_id
                 AND d.workspace_id = ${ws}::uuid AND d.stage_id = ${stageId}::uuid`.execute(tx);
  },

  /** The ranks around 0-based place `position` of a stage's cards (without the moving deal). */
  neighbours: async (q: Q, ws: string, stageId: string, excludeId: string, position: number | undefined) => {
    const base = sql`FROM deals WHERE workspace_id = ${ws}::uuid AND stage_id = ${stageId}::uuid AND deleted_at IS NULL AND id <> ${excludeId}::uuid`;
    if (position === undefined) {
      const r = await sql<{ r: number | null }>`SELECT max(board_rank) AS r ${base}`.execute(q);
      return { above: r.rows[0]?.r ?? null, below: null };
    }
    const rows = await sql<{ r: number }>`SELECT board_rank AS r ${base}
      ORDER BY board_rank, id OFFSET ${Math.max(position - 1, 0)} LIMIT 2`.execute(q);
    if (position === 0) return { above: null, below: rows.rows[0]?.r ?? null };
    return { above: rows.rows[0]?.r ?? null, below: rows.rows[1]?.r ?? null };
  },

  /** Spreads a stage's ranks out again (1024 apart, same order). */
  renumberStage: async (tx: Transaction<DB>, ws: string, stageId: string) => {
    await sql`UPDATE deals d SET board_rank = o.n * 1024
                FROM (SELECT id, row_number() OVER (ORDER BY board_rank, id) AS n FROM deals
                       WHERE workspace_id = ${ws}::uuid AND stage_id = ${stageId}::uuid) o
               WHERE d.workspace_id = ${ws}::uuid AND d.id = o.id`.execute(tx);
  },

  history: async (q: Q, ws: string, dealId: string) => {
    const stages = await q
      .selectFrom("deal_stage_periods as p")
      .innerJoin("pipeline_stages as s", (j) => j.onRef("s.workspace_id", "=", "p.workspace_id").onRef("s.id", "=", "p.stage_id"))
      .select(["p.pipeline_id", "p.stage_id", "s.name as stage_name", "p.entered_at", "p.left_at"])
      .where("p.workspace_id", "=", ws)
      .where("p.deal_id", "=", dealId)
      .orderBy("p.entered_at")
      .orderBy("p.id")
      .execute();
    const snapshots = await q
      .selectFrom("deal_snapshots")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("deal_id", "=", dealId)
      .orderBy("recorded_at")
      .orderBy("id")
      .execute();
    return { stages, snapshots };
  },

  /** Open deals of a person or company that the caller sees: how many, and their value per currency. */
  openValueOf: async (q: Q, ws: string, entity: "contact" | "company", id: string, v: RecordVisibility) => {
    const link =
      entity === "company"
        ? sql`d.company_id = ${id}::uuid`
        : sql`EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.workspace_id = d.workspace_id AND dc.deal_id = d.id AND dc.contact_id = ${id}::uuid)`;
    const r = await sql<{ currency: string; n: number; total: number }>`
      SELECT d.currency, count(*)::int AS n, sum(d.amount_minor)::bigint AS total FROM deals d
       WHERE d.workspace_id = ${ws}::uuid AND d.deleted_at IS NULL AND d.status = 'open' AND ${link} AND ${dealVisible(v)}
       GROUP BY d.currency ORDER BY d.currency`.execute(q);
    return r.rows;
  },
};

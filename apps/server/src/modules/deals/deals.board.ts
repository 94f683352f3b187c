import type { Board } from "@rapport/contract";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { badRequest } from "../../platform/http/problem.js";
import { type CardRow, presentCard } from "./deals.presenter.js";
import { weighted } from "./line-items.rules.js";
import type { StageRow } from "./pipelines.repository.js";

const CARD_COLUMNS = sql`d.id, d.name, d.amount_minor, d.currency, d.company_id, co.name AS company_name, d.owner_id,
  d.expected_close_date, d.status, d.stage_entered_at, d.rots_at, d.board_rank`;
const COMPANY_JOIN = sql`LEFT JOIN companies co ON co.workspace_id = d.workspace_id AND co.id = d.company_id`;

type Card = CardRow & { board_rank: number };

export function encodeCardCursor(c: { board_rank: number; id: string }): string {
  return Buffer.from(JSON.stringify([c.board_rank, c.id])).toString("base64url");
}

export function decodeCardCursor(cursor: string): { rank: number; id: string } {
  try {
    const [rank, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof rank === "number" && Number.isFinite(rank) && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) return { rank, id };
  } catch {}
  throw badRequest("invalid_cursor", "The cursor is not valid for this column; start again without it.");
}

/** `conditions` use alias d: visibility, filters, search. Deleted deals never show. */
function where(ws: string, pipelineId: string, conditions: RawBuilder<boolean>[]) {
  return sql.join(
    [sql`d.workspace_id = ${ws}::uuid`, sql`d.pipeline_id = ${pipelineId}::uuid`, sql`d.deleted_at IS NULL`, ...conditions],
    sql` AND `,
  );
}

/**
 * The board of a pipeline in two set-based queries: the per stage and currency counts and
 * sums (an index-only scan of deals_board_idx when no filter needs other columns), and the
 * first `limit` cards of every stage (one index range scan per stage, in a LATERAL join).
 */
export async function loadBoard(
  db: Kysely<DB>,
  ws: string,
  pipeline: Board["pipeline"],
  stages: StageRow[],
  conditions: RawBuilder<boolean>[],
  limit: number,
  now: Date,
): Promise<Board> {
  const totals = await sql<{ stage_id: string; currency: string; n: number; total: number }>`
    SELECT d.stage_id, d.currency, count(*)::int AS n, sum(d.amount_minor)::bigint AS total
      FROM deals d WHERE ${where(ws, pipeline.id, conditions)}
     GROUP BY d.stage_id, d.currency ORDER BY d.stage_id, d.currency`.execute(db);
  const cards = await sql<Card & { stage_id: string }>`
    SELECT s.id AS stage_id, c.* FROM pipeline_stages s
     CROSS JOIN LATERAL (
       SELECT ${CARD_COLUMNS} FROM deals d ${COMPANY_JOIN}
        WHERE ${where(ws, pipeline.id, conditions)} AND d.stage_id = s.id
        ORDER BY d.board_rank, d.id LIMIT ${limit + 1}) c
     WHERE s.workspace_id = ${ws}::uuid AND s.pipeline_id = ${pipeline.id}::uuid
     ORDER BY s.position, c.board_rank, c.id`.execute(db);
  return {
    pipeline,
    columns: stages.map((s) => {
      const sums = totals.rows.filter((t) => t.stage_id === s.id);
      const stageCards = cards.rows.filter((c) => c.stage_id === s.id);
      const page = stageCards.slice(0, limit);
      const last = page[page.length - 1];
      return {
        stageId: s.id,
        count: sums.reduce((n, t) => n + t.n, 0),
        totals: sums.map((t) => ({ currency: t.currency, amountMinor: t.total, weightedAmountMinor: weighted(t.total, s.probability) })),
        deals: page.map((c) => presentCard(c, now)),
        nextCursor: stageCards.length > limit && last ? encodeCardCursor(last) : null,
      };
    }),
  };
}

/** The next cards of one column after the cursor. */
export async function loadColumnPage(
  db: Kysely<DB>,
  ws: string,
  pipelineId: string,
  stageId: string,
  conditions: RawBuilder<boolean>[],
  page: { limit: number; cursor?: string | undefined },
  now: Date,
) {
  const after = page.cursor ? decodeCardCursor(page.cursor) : undefined;
  const rows = await sql<Card>`
    SELECT ${CARD_COLUMNS} FROM deals d ${COMPANY_JOIN}
     WHERE ${where(ws, pipelineId, conditions)} AND d.stage_id = ${stageId}::uuid
       ${after ? sql`AND (d.board_rank, d.id) > (${after.rank}::double precision, ${after.id}::uuid)` : sql``}
     ORDER BY d.board_rank, d.id LIMIT ${page.limit + 1}`.execute(db);
  const items = rows.rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((c) => presentCard(c, now)),
    nextCursor: rows.rows.length > page.limit && last ? encodeCardCursor(last) : null,
  };
}

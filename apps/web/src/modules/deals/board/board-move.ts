import type { Board, DealCard } from "@rapport/contract";

type Column = Board["columns"][number];
type Totals = Column["totals"];

/** amount × probability / 100, rounded half up — the server's rule, so optimistic totals match it. */
export function weightedMinor(amountMinor: number, probability: number): number {
  return Math.floor((amountMinor * probability + 50) / 100);
}

function addToTotals(totals: Totals, card: DealCard, sign: 1 | -1, probability: number): Totals {
  const amount = sign * card.amountMinor;
  const weighted = sign * weightedMinor(card.amountMinor, probability);
  const existing = totals.find((t) => t.currency === card.currency);
  if (!existing) return sign === 1 ? [...totals, { currency: card.currency, amountMinor: amount, weightedAmountMinor: weighted }] : totals;
  return totals.map((t) =>
    t.currency === card.currency ? { ...t, amountMinor: t.amountMinor + amount, weightedAmountMinor: t.weightedAmountMinor + weighted } : t,
  );
}

/** Where a card sits on the board, or null. */
export function findCard(board: Board, dealId: string): { column: Column; card: DealCard } | null {
  for (const column of board.columns) {
    const card = column.deals.find((d) => d.id === dealId);
    if (card) return { column, card };
  }
  return null;
}

/**
 * The board as it will look once the server has moved the deal: the card leaves its column and
 * goes on top of the target's, counts and per-currency totals (plain and weighted with each
 * stage's probability) follow. A won or lost stage sets the card's status; days in stage restart.
 * Returns the board unchanged when the card is not on it or already in that stage.
 */
export function moveCardOnBoard(board: Board, dealId: string, toStageId: string): Board {
  const found = findCard(board, dealId);
  if (!found || found.column.stageId === toStageId) return board;
  const target = board.columns.find((c) => c.stageId === toStageId);
  if (!target) return board;
  const stages = new Map(board.pipeline.stages.map((s) => [s.id, s]));
  const fromStage = stages.get(found.column.stageId);
  const toStage = stages.get(toStageId);
  const moved: DealCard = { ...found.card, status: toStage?.kind ?? "open", daysInStage: 0, rotting: false };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId === found.column.stageId) {
        return {
          ...column,
          count: column.count - 1,
          deals: column.deals.filter((d) => d.id !== dealId),
          totals: addToTotals(column.totals, found.card, -1, fromStage?.probability ?? 0).filter(
            (t) => t.amountMinor !== 0 || column.deals.some((d) => d.id !== dealId && d.currency === t.currency),
          ),
        };
      }
      if (column.stageId === toStageId) {
        return {
          ...column,
          count: column.count + 1,
          deals: [moved, ...column.deals],
          totals: addToTotals(column.totals, moved, 1, toStage?.probability ?? 0),
        };
      }
      return column;
    }),
  };
}

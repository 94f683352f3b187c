import type { Board, DealCard } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { moveCardOnBoard, weightedMinor } from "./board-move";

const P = "00000000-0000-7000-8000-000000000001";
const S1 = "00000000-0000-7000-8000-0000000000a1";
const S2 = "00000000-0000-7000-8000-0000000000a2";
const LOST = "00000000-0000-7000-8000-0000000000a3";
const stage = (id: string, position: number, probability: number, kind: "open" | "won" | "lost" = "open") => ({
  id,
  pipelineId: P,
  name: `Stage ${position}`,
  position,
  probability,
  rottingDays: null,
  kind,
});
const card = (id: string, amountMinor: number, currency = "EUR"): DealCard => ({
  id,
  name: id,
  amountMinor,
  currency,
  companyId: null,
  companyName: null,
  ownerId: null,
  expectedCloseDate: null,
  status: "open",
  daysInStage: 12,
  rotting: true,
});
const board = (): Board => ({
  pipeline: {
    id: P,
    name: "Sales",
    position: 0,
    archived: false,
    archivedAt: null,
    stages: [stage(S1, 0, 10), stage(S2, 1, 50), stage(LOST, 2, 0, "lost")],
    createdAt: "2026-11-29T00:00:00.000Z",
    updatedAt: "2026-11-29T00:00:00.000Z",
  },
  columns: [
    {
      stageId: S1,
      count: 3,
      totals: [
        { currency: "EUR", amountMinor: 30_000, weightedAmountMinor: 3_000 },
        { currency: "USD", amountMinor: 5_000, weightedAmountMinor: 500 },
      ],
      deals: [card("a", 10_000), card("b", 20_000), card("c", 5_000, "USD")],
      nextCursor: null,
    },
    { stageId: S2, count: 0, totals: [], deals: [], nextCursor: null },
    { stageId: LOST, count: 0, totals: [], deals: [], nextCursor: null },
  ],
});

describe("weightedMinor", () => {
  it("rounds half up like the server", () => {
    expect(weightedMinor(10_001, 50)).toBe(5_001);
    expect(weightedMinor(10_000, 33)).toBe(3_300);
    expect(weightedMinor(1, 50)).toBe(1);
    expect(weightedMinor(1, 49)).toBe(0);
  });
});

describe("moveCardOnBoard", () => {
  it("moves the card on top of the target and moves its amount between the column totals", () => {
    const next = moveCardOnBoard(board(), "a", S2);
    const [from, to] = next.columns;
    expect(from?.deals.map((d) => d.id)).toEqual(["b", "c"]);
    expect(from?.count).toBe(2);
    expect(from?.totals).toEqual([
      { currency: "EUR", amountMinor: 20_000, weightedAmountMinor: 2_000 },
      { currency: "USD", amountMinor: 5_000, weightedAmountMinor: 500 },
    ]);
    expect(to?.deals.map((d) => d.id)).toEqual(["a"]);
    expect(to?.count).toBe(1);
    expect(to?.totals).toEqual([{ currency: "EUR", amountMinor: 10_000, weightedAmountMinor: 5_000 }]);
    expect(to?.deals[0]).toMatchObject({ daysInStage: 0, rotting: false, status: "open" });
  });

  it("drops a currency from the totals when its last card leaves", () => {
    const next = moveCardOnBoard(board(), "c", S2);
    expect(next.columns[0]?.totals.map((t) => t.currency)).toEqual(["EUR"]);
    expect(next.columns[1]?.totals).toEqual([{ currency: "USD", amountMinor: 5_000, weightedAmountMinor: 2_500 }]);
  });

  it("marks a card dropped on a lost stage as lost", () => {
    expect(moveCardOnBoard(board(), "b", LOST).columns[2]?.deals[0]?.status).toBe("lost");
  });

  it("leaves the board alone for the same stage, an unknown card or an unknown stage", () => {
    const b = board();
    expect(moveCardOnBoard(b, "a", S1)).toBe(b);
    expect(moveCardOnBoard(b, "nope", S2)).toBe(b);
    expect(moveCardOnBoard(b, "a", "00000000-0000-7000-8000-0000000000ff")).toBe(b);
  });
});

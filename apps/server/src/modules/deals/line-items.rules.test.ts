import { describe, expect, it } from "vitest";
import { computeLine, divideRoundHalfUp, sumLines, toBasisPoints, toMilli, weighted } from "./line-items.rules.js";

const line = (unitPriceMinor: number, quantity: number, discount: { percent?: number; amount?: number } = {}) =>
  computeLine({
    quantityMilli: toMilli(quantity),
    unitPriceMinor,
    discountBp: discount.percent !== undefined ? toBasisPoints(discount.percent) : null,
    discountAmountMinor: discount.amount ?? null,
  });

describe("line item arithmetic", () => {
  it("multiplies quantity by unit price", () => {
    expect(line(12_50, 3)).toEqual({ discountMinor: 0, totalMinor: 37_50 });
  });

  it("rounds fractional quantities half up per line", () => {
    // 0.333 × 1.00 = 0.333 → 0 cents … 33.3 cents → 33; 0.005 × 100 = 0.5 → 1
    expect(line(100, 0.333)).toEqual({ discountMinor: 0, totalMinor: 33 });
    expect(line(100, 0.005)).toEqual({ discountMinor: 0, totalMinor: 1 });
    expect(line(99, 1.5)).toEqual({ discountMinor: 0, totalMinor: 149 }); // 148.5 → 149
  });

  it("applies a percent discount, rounded half up", () => {
    // 3 × 33.33 = 99.99; 12.5 % = 12.49875 → 12.50
    expect(line(33_33, 3, { percent: 12.5 })).toEqual({ discountMinor: 12_50, totalMinor: 87_49 });
    expect(line(100_00, 1, { percent: 100 })).toEqual({ discountMinor: 100_00, totalMinor: 0 });
  });

  it("applies a discount amount, never beyond the line", () => {
    expect(line(100_00, 2, { amount: 50_00 })).toEqual({ discountMinor: 50_00, totalMinor: 150_00 });
    expect(line(100_00, 2, { amount: 200_01 })).toBe("discount_exceeds_line");
  });

  it("stays exact beyond 2^53 intermediates and refuses unsafe results", () => {
    // 9e15 × 1000 milli would overflow a double's integer range in the intermediate.
    expect(line(9_000_000_000_000, 1)).toEqual({ discountMinor: 0, totalMinor: 9_000_000_000_000 });
    expect(line(9_000_000_000_000_000, 1000)).toBe("amount_too_large");
  });

  it("sums lines and weights amounts", () => {
    expect(sumLines([1, 2, 3])).toBe(6);
    expect(sumLines([Number.MAX_SAFE_INTEGER, 1])).toBe("amount_too_large");
    expect(weighted(10_005, 50)).toBe(5_003); // 5002.5 → 5003
    expect(weighted(10_000, 0)).toBe(0);
    expect(divideRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundHalfUp(4n, 3n)).toBe(1n);
  });
});

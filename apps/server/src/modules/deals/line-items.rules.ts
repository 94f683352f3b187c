/**
 * Line item arithmetic, in integers only. Quantities are thousandths (1.5 → 1500), percents
 * basis points (12.5 % → 1250), money minor units. Each line is rounded on its own, half away
 * from zero (half up: values are never negative), then the lines are summed:
 *   gross    = round(unitPrice × quantityMilli / 1000)
 *   discount = round(gross × discountBp / 10000)   or the given discount amount
 *   total    = gross − discount
 * The deal amount is the sum of the totals. BigInt keeps intermediate products exact.
 */
export type LineArithmetic = {
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number | null;
  /** A discount given as an amount (used when discountBp is null). */
  discountAmountMinor: number | null;
};
export type LineResult = { discountMinor: number; totalMinor: number };
export type LineError = "discount_exceeds_line" | "amount_too_large";

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** n / d rounded half up, for n ≥ 0 and d > 0. */
export function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

/** 1.5 → 1500: quantities arrive with at most 3 decimals (the contract checks). */
export const toMilli = (quantity: number) => Math.round(quantity * 1000);
export const fromMilli = (milli: number) => milli / 1000;
/** 12.5 → 1250: percents arrive with at most 2 decimals. */
export const toBasisPoints = (percent: number) => Math.round(percent * 100);
export const fromBasisPoints = (bp: number) => bp / 100;

export function computeLine(l: LineArithmetic): LineResult | LineError {
  const gross = divideRoundHalfUp(BigInt(l.unitPriceMinor) * BigInt(l.quantityMilli), 1000n);
  const discount = l.discountBp !== null ? divideRoundHalfUp(gross * BigInt(l.discountBp), 10_000n) : BigInt(l.discountAmountMinor ?? 0);
  if (discount > gross) return "discount_exceeds_line";
  if (gross > MAX) return "amount_too_large";
  return { discountMinor: Number(discount), totalMinor: Number(gross - discount) };
}

/** The deal amount: the sum of its line totals. */
export function sumLines(totals: number[]): number | "amount_too_large" {
  const sum = totals.reduce((s, t) => s + BigInt(t), 0n);
  return sum > MAX ? "amount_too_large" : Number(sum);
}

/** amount × probability / 100, rounded half up (weighted pipeline value). */
export function weighted(amountMinor: number, probability: number): number {
  return Number(divideRoundHalfUp(BigInt(amountMinor) * BigInt(probability), 100n));
}

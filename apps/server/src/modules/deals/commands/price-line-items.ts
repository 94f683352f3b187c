import type { LineItemInput } from "@rapport/contract";
import type { Transaction } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import { badRequest, ProblemError } from "../../../platform/http/problem.js";
import { productsRepository } from "../../products/index.js";
import { computeLine, sumLines, toBasisPoints, toMilli } from "../line-items.rules.js";

export type PricedLine = {
  productId: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number | null;
  discountMinor: number;
  totalMinor: number;
};

const unprocessable = (code: string, detail: string, path: string, message: string) =>
  new ProblemError(422, code, detail, { errors: [{ path, message }] });

/**
 * Prices line items in the deal's currency: a missing unit price comes from the product's
 * price list in that currency; a line in another currency is refused (never converted).
 * Returns the lines and the amount they add up to.
 */
export async function priceLineItems(
  tx: Transaction<DB>,
  ws: string,
  currency: string,
  input: LineItemInput[],
): Promise<{ lines: PricedLine[]; amountMinor: number }> {
  const productIds = [...new Set(input.map((l) => l.productId.toLowerCase()))];
  const found = new Set((await productsRepository.byIds(tx, ws, productIds)).map((p) => p.id));
  const missing = input.findIndex((l) => !found.has(l.productId.toLowerCase()));
  if (missing >= 0) {
    throw badRequest("validation_failed", "The request is not valid.", [
      { path: `body.lineItems.${missing}.productId`, message: `no product ${input[missing]?.productId}` },
    ]);
  }
  const prices = await productsRepository.prices(tx, ws, productIds);
  const lines: PricedLine[] = [];
  for (const [i, l] of input.entries()) {
    const path = `body.lineItems.${i}`;
    if (l.currency !== undefined && l.currency !== currency) {
      throw unprocessable(
        "currency_mismatch",
        `Line items must be in the deal's currency (${currency}).`,
        `${path}.currency`,
        `${l.currency} is not ${currency}`,
      );
    }
    const unitPriceMinor =
      l.unitPriceMinor ?? prices.get(l.productId.toLowerCase())?.find((p) => p.currency === currency)?.unit_price_minor;
    if (unitPriceMinor === undefined) {
      throw unprocessable(
        "no_price_in_currency",
        `The product has no price in ${currency}; give unitPriceMinor or add the price to the product.`,
        `${path}.unitPriceMinor`,
        `no ${currency} price`,
      );
    }
    const quantityMilli = toMilli(l.quantity);
    const discountBp = l.discountPercent !== undefined ? toBasisPoints(l.discountPercent) : null;
    const result = computeLine({ quantityMilli, unitPriceMinor, discountBp, discountAmountMinor: l.discountMinor ?? null });
    if (result === "discount_exceeds_line") {
      throw unprocessable("discount_exceeds_line", "A discount cannot exceed its line.", `${path}.discountMinor`, "more than the line");
    }
    if (result === "amount_too_large") throw unprocessable("amount_too_large", "The line is too large.", path, "too large");
    lines.push({ productId: l.productId.toLowerCase(), quantityMilli, unitPriceMinor, discountBp, ...result });
  }
  const amountMinor = sumLines(lines.map((l) => l.totalMinor));
  if (amountMinor === "amount_too_large") {
    throw unprocessable("amount_too_large", "The line items add up to more than an amount can hold.", "body.lineItems", "too large");
  }
  return { lines, amountMinor };
}

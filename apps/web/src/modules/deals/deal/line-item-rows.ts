import type { Deal, LineItemInput, Product } from "@rapport/contract";

/** A line being edited: what the user typed, before the server prices it. */
export type LineRow = {
  key: string;
  productId: string | null;
  label: string;
  quantity: number;
  /** null: the product's price in the deal's currency. */
  unitPriceMinor: number | null;
  discountPercent: number | null;
  /** A fixed discount the server holds (kept as it is unless a percentage replaces it). */
  discountMinor: number | null;
};

export function rowsOf(deal: Deal): LineRow[] {
  return deal.lineItems.map((item) => ({
    key: item.id,
    productId: item.productId,
    label: `${item.productCode} — ${item.productName}`,
    quantity: item.quantity,
    unitPriceMinor: item.unitPriceMinor,
    discountPercent: item.discountPercent,
    discountMinor: item.discountPercent === null && item.discountMinor > 0 ? item.discountMinor : null,
  }));
}

/** The unit price a product brings in a currency, or null when its price list has none. */
export function priceIn(product: Product, currency: string): number | null {
  return product.prices.find((p) => p.currency === currency)?.unitPriceMinor ?? null;
}

/** The PATCH body's line items; rows without a product are left out. */
export function toInputs(rows: readonly LineRow[]): LineItemInput[] {
  return rows
    .filter((r): r is LineRow & { productId: string } => r.productId !== null)
    .map((r) => ({
      productId: r.productId,
      quantity: r.quantity,
      ...(r.unitPriceMinor !== null ? { unitPriceMinor: r.unitPriceMinor } : {}),
      ...(r.discountPercent !== null
        ? { discountPercent: r.discountPercent }
        : r.discountMinor !== null
          ? { discountMinor: r.discountMinor }
          : {}),
    }));
}

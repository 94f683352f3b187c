import type { Product } from "@rapport/contract";
import type { PriceRow, ProductRow } from "./products.repository.js";

export function presentProduct(p: ProductRow, prices: PriceRow[]): Product {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    productLine: p.product_line,
    description: p.description,
    active: p.active,
    prices: prices.map((x) => ({ currency: x.currency, unitPriceMinor: x.unit_price_minor })),
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

/** The audited fields of a product. */
export function productSnapshot(p: Product) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

import { describe, expect, it } from "vitest";
import { type LineRow, toInputs } from "./line-item-rows";

const row = (patch: Partial<LineRow>): LineRow => ({
  key: "k",
  productId: "00000000-0000-7000-8000-000000000001",
  label: "P",
  quantity: 2,
  unitPriceMinor: null,
  discountPercent: null,
  discountMinor: null,
  ...patch,
});

describe("toInputs", () => {
  it("leaves out rows without a product and prices the server fills in", () => {
    expect(toInputs([row({ productId: null }), row({})])).toEqual([{ productId: "00000000-0000-7000-8000-000000000001", quantity: 2 }]);
  });

  it("sends a percentage in preference to a fixed discount, never both", () => {
    expect(toInputs([row({ unitPriceMinor: 500, discountPercent: 10, discountMinor: 300 })])[0]).toEqual({
      productId: "00000000-0000-7000-8000-000000000001",
      quantity: 2,
      unitPriceMinor: 500,
      discountPercent: 10,
    });
    expect(toInputs([row({ discountMinor: 300 })])[0]).toMatchObject({ discountMinor: 300 });
  });
});

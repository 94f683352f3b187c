import { describe, expect, it } from "vitest";
import { formatCustomCell, parseCustomCell } from "./custom-cells.rules.js";

describe("custom field cells", () => {
  it("write and read back every type", () => {
    const cases: [string, unknown][] = [
      ["money", { amount: 1250, currency: "EUR" }],
      ["money", { amount: -5, currency: "USD" }],
      ["money", { amount: 500, currency: "JPY" }],
      ["multi_select", ["a", "b"]],
      ["boolean", true],
      ["boolean", false],
      ["text", "hello; world"],
      ["date", "2026-01-31"],
    ];
    for (const [type, value] of cases) {
      expect(parseCustomCell({ type }, formatCustomCell({ type }, value)), `${type} ${JSON.stringify(value)}`).toEqual(value);
    }
    expect(formatCustomCell({ type: "money" }, { amount: 1250, currency: "EUR" })).toBe("12.50 EUR");
    expect(formatCustomCell({ type: "money" }, { amount: 5, currency: "EUR" })).toBe("0.05 EUR");
  });

  it("reads common spellings and leaves the rest for validation to reject", () => {
    expect(parseCustomCell({ type: "boolean" }, "Yes")).toBe(true);
    expect(parseCustomCell({ type: "boolean" }, "maybe")).toBe("maybe");
    expect(parseCustomCell({ type: "money" }, "12,5 eur")).toEqual({ amount: 1250, currency: "EUR" });
    expect(parseCustomCell({ type: "money" }, "12.555 EUR")).toBe("12.555 EUR");
    expect(parseCustomCell({ type: "number" }, " 42 ")).toBe("42");
  });
});

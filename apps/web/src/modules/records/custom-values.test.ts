import { describe, expect, it } from "vitest";
import { currencyDigits, isEmptyValue, toInputValue, toStoredValue } from "./custom-values";

describe("custom field values", () => {
  it("converts money between minor units and the input", () => {
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(toInputValue({ type: "money" }, { amount: 1250, currency: "EUR" }, "USD")).toEqual({ amount: 12.5, currency: "EUR" });
    expect(toInputValue({ type: "money" }, null, "USD")).toEqual({ amount: "", currency: "USD" });
    expect(toStoredValue({ type: "money" }, { amount: 12.5, currency: "EUR" })).toEqual({ amount: 1250, currency: "EUR" });
    expect(toStoredValue({ type: "money" }, { amount: "", currency: "EUR" })).toBeNull();
  });

  it("clears empty inputs with null", () => {
    expect(toStoredValue({ type: "text" }, "  ")).toBeNull();
    expect(toStoredValue({ type: "number" }, "")).toBeNull();
    expect(toStoredValue({ type: "multi_select" }, [])).toBeNull();
    expect(toStoredValue({ type: "select" }, null)).toBeNull();
  });

  it("keeps typed values", () => {
    expect(toStoredValue({ type: "number" }, "42")).toBe(42);
    expect(toStoredValue({ type: "boolean" }, true)).toBe(true);
    expect(toStoredValue({ type: "date" }, "2026-11-25")).toBe("2026-11-25");
    expect(toInputValue({ type: "multi_select" }, ["a", 3], "EUR")).toEqual(["a"]);
    expect(toInputValue({ type: "text" }, undefined, "EUR")).toBe("");
  });

  it("knows empty values", () => {
    expect([null, undefined, "", []].every(isEmptyValue)).toBe(true);
    expect([0, false, "x"].some(isEmptyValue)).toBe(false);
  });
});

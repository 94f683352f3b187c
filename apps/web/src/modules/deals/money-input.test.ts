import { describe, expect, it } from "vitest";
import { fractionDigits, toMajor, toMinor } from "./money-input";

describe("money input", () => {
  it("knows the minor units of a currency", () => {
    expect(fractionDigits("EUR")).toBe(2);
    expect(fractionDigits("JPY")).toBe(0);
    expect(fractionDigits("BHD")).toBe(3);
  });

  it("converts without float noise", () => {
    expect(toMinor(12.5, "EUR")).toBe(1250);
    expect(toMinor(0.29, "EUR")).toBe(29);
    expect(toMinor(1500, "JPY")).toBe(1500);
    expect(toMajor(1250, "EUR")).toBe(12.5);
    expect(toMajor(1234, "BHD")).toBe(1.234);
  });
});

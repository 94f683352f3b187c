import { describe, expect, it } from "vitest";
import { FIELD_KEY_PATTERN, fieldKeyFromLabel } from "./field-key";

describe("fieldKeyFromLabel", () => {
  it("derives an API key from the label", () => {
    expect(fieldKeyFromLabel("Customer code")).toBe("customer_code");
    expect(fieldKeyFromLabel("Größe (cm)")).toBe("grosse_cm");
    expect(fieldKeyFromLabel("  2nd phone ")).toBe("f_2nd_phone");
    expect(fieldKeyFromLabel("!!!")).toBe("");
  });

  it("always yields a key the API accepts", () => {
    for (const label of ["Zoë's tier", "x".repeat(100), "Ångström-Wert", "1"]) {
      expect(fieldKeyFromLabel(label)).toMatch(FIELD_KEY_PATTERN);
    }
  });
});

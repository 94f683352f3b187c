import { describe, expect, it } from "vitest";
import { countryCode } from "./country.rules.js";

describe("country cells", () => {
  it("read codes and English names, and leave the rest for validation", () => {
    expect(
      ["de", "BR", "Brazil", "germany", "United States of America", "USA", "United Kingdom", "Côte d’Ivoire", "Atlantis"].map(countryCode),
    ).toEqual(["DE", "BR", "BR", "DE", "US", "US", "GB", "CI", "Atlantis"]);
  });
});

import { describe, expect, it } from "vitest";
import { describeValue } from "./merge-values";

const names = { user: (id: string) => (id === "u1" ? "Ada" : undefined), stage: (s: string) => s.toUpperCase() };

describe("describeValue", () => {
  it("names owners and stages, and leaves empty values empty", () => {
    expect(describeValue("ownerId", "u1", names)).toBe("Ada");
    expect(describeValue("lifecycleStage", "lead", names)).toBe("LEAD");
    expect(describeValue("title", null, names)).toBe("");
  });
  it("flattens addresses and social profiles", () => {
    expect(describeValue("addresses", [{ street: "Main St 1", city: "Berlin", label: "" }], names)).toBe("Main St 1, Berlin");
    expect(describeValue("social", { linkedin: "ada" }, names)).toBe("linkedin: ada");
  });
});

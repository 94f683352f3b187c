import { describe, expect, it } from "vitest";
import { describeAction } from "./describe-event";

const labels = { api_key: "API key", user: "User" };

describe("describeAction", () => {
  it("uses the entity label and the verb", () => {
    expect(describeAction("api_key.revoked", "api_key", labels)).toBe("API key revoked");
    expect(describeAction("user.signed_in", "user", labels)).toBe("User signed in");
  });

  it("puts the entity type in front of a bare verb", () => {
    expect(describeAction("updated", "user", labels)).toBe("User updated");
  });

  it("falls back to a readable form of unknown entity types", () => {
    expect(describeAction("deal_stage.changed", "deal_stage", labels)).toBe("Deal stage changed");
  });
});

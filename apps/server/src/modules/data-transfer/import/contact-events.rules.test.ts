import { describe, expect, it } from "vitest";
import { storedSnapshot, updatedPayload } from "./contact-events.rules.js";
import { emptyContact } from "./contact-merge.rules.js";

const base = { ...emptyContact("u1"), first_name: "Ana", last_name: "Souza", emails: ["ana@example.com"] };

describe("contact events of an import", () => {
  it("snapshots the fields the contacts commands audit", () => {
    expect(Object.keys(storedSnapshot(base, ["c1"])).sort()).toEqual(
      [
        "addresses",
        "companyIds",
        "custom",
        "emails",
        "firstName",
        "lastName",
        "lifecycleStage",
        "notes",
        "ownerId",
        "phones",
        "source",
        "tags",
        "title",
      ].sort(),
    );
  });

  it("reports only the changed fields, with old and new values and both owners", () => {
    const next = { ...base, title: "Buyer", emails: ["ana@example.com", "ana@work.example"], owner_id: "u2" };
    expect(updatedPayload(base, [], next, ["c1"])).toEqual({
      changes: {
        title: { old: null, new: "Buyer" },
        emails: { old: ["ana@example.com"], new: ["ana@example.com", "ana@work.example"] },
        ownerId: { old: "u1", new: "u2" },
        companyIds: { old: [], new: ["c1"] },
      },
      ownerId: "u2",
      previousOwnerId: "u1",
    });
  });

  it("gives no event when the rows changed nothing", () => {
    expect(updatedPayload(base, ["c1"], { ...base }, ["c1"])).toBeNull();
  });
});

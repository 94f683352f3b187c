import { describe, expect, it } from "vitest";
import { oneEditApart, PROPOSE_AT, scorePair, sharesEvidence } from "./duplicate-score.rules.js";
import { type PersonProfile, prepare } from "./identity-values.rules.js";

const person = (p: Partial<PersonProfile>): PersonProfile => ({
  id: "x",
  firstName: "John",
  lastName: "Smith",
  emails: [],
  phones: [],
  companies: [],
  externalIds: [],
  ...p,
});

describe("duplicate score", () => {
  it("never proposes a pair on a shared name alone", () => {
    const s = scorePair(person({}), person({}));
    expect(s.score).toBeLessThan(PROPOSE_AT);
    expect(s.reasons).toEqual(["same_name"]);
  });
  it("proposes the same mailbox with a nickname, with both reasons", () => {
    const s = scorePair(
      person({ firstName: "Robert", emails: ["robert.smith@gmail.com"] }),
      person({ firstName: "Bob", emails: ["RobertSmith+x@gmail.com"] }),
    );
    expect(s.score).toBeGreaterThanOrEqual(0.95);
    expect(s.reasons).toEqual(expect.arrayContaining(["same_email", "nickname"]));
  });
  it("proposes a typo in the surname at the same company", () => {
    const s = scorePair(person({ lastName: "Smith", companies: ["Acme Inc"] }), person({ lastName: "Smtih", companies: ["ACME"] }));
    expect(s.score).toBeGreaterThanOrEqual(PROPOSE_AT);
    expect(s.reasons).toEqual(expect.arrayContaining(["same_company", "typo"]));
  });
  it("recognises a transliterated name with the same phone", () => {
    const s = scorePair(
      person({ firstName: "Дмитрий", lastName: "Иванов", phones: ["+74951234567"] }),
      person({ firstName: "Dmitry", lastName: "Ivanov", phones: ["+74951234567"] }),
    );
    expect(s.score).toBeGreaterThanOrEqual(0.9);
    expect(s.reasons).toEqual(expect.arrayContaining(["same_phone", "transliteration"]));
  });
  it("keeps a shared switchboard number between different people low", () => {
    const s = scorePair(
      person({ firstName: "Alice", lastName: "Brown", phones: ["+15550100"] }),
      person({ firstName: "Omar", lastName: "Haddad", phones: ["+15550100"] }),
    );
    expect(s.score).toBeLessThan(PROPOSE_AT);
  });
  it("does not take relatives sharing a phone, a team inbox or numbered accounts for one person", () => {
    const spouse = scorePair(person({ firstName: "Mary", phones: ["+15550100"] }), person({ firstName: "Mark", phones: ["+15550100"] }));
    expect(spouse.score).toBeLessThan(PROPOSE_AT);
    const inbox = scorePair(
      person({ firstName: "Ann", lastName: "Lee", emails: ["info@acme.com"] }),
      person({ firstName: "Omar", lastName: "Haddad", emails: ["info@acme.com"] }),
    );
    expect(inbox.score).toBeLessThan(PROPOSE_AT);
    const numbered = scorePair(person({ emails: ["john.smith.12@gmail.com"] }), person({ emails: ["john.smith.31@gmail.com"] }));
    expect(numbered.reasons).not.toContain("similar_email");
    expect(numbered.score).toBeLessThan(PROPOSE_AT);
  });
  it("finds an email typo when the names agree", () => {
    const s = scorePair(person({ emails: ["john.smith@acme.com"] }), person({ emails: ["john.smiht@acme.com"] }));
    expect(s.reasons).toContain("similar_email");
    expect(s.score).toBeGreaterThanOrEqual(PROPOSE_AT);
  });
  it("does not take look-alike addresses on a large domain for an email typo", () => {
    // Different people whose names are a typo apart: similar, but more than one edit apart.
    const s = scorePair(
      person({ firstName: "Margaret", lastName: "Smith", emails: ["margaret.smith.45121@gmail.com"] }),
      person({ firstName: "Margaret", lastName: "Smyth", emails: ["margaret.smyth.45112@gmail.com"] }),
    );
    expect(s.reasons).not.toContain("similar_email");
    expect(s.score).toBeLessThan(PROPOSE_AT);
  });
  it("counts one edit as a typo: insert, drop, replace, swap", () => {
    expect(oneEditApart("smith", "smiith")).toBe(true);
    expect(oneEditApart("smith", "smth")).toBe(true);
    expect(oneEditApart("smith", "smoth")).toBe(true);
    expect(oneEditApart("smith", "smiht")).toBe(true);
    expect(oneEditApart("smith", "smith")).toBe(false);
    expect(oneEditApart("smith", "msiht")).toBe(false);
    expect(oneEditApart("smith", "smithes")).toBe(false);
    expect(oneEditApart("abcd", "acdb")).toBe(false);
  });
  it("skips exactly the pairs that cannot be proposed: no evidence beyond the name", () => {
    const pairs: [PersonProfile, PersonProfile][] = [
      [person({}), person({})],
      [person({ emails: ["a@x.com"] }), person({ emails: ["b@x.com"] })],
      [person({ emails: ["john.smith@acme.com"] }), person({ emails: ["john.smiht@acme.com"] })],
      [person({ phones: ["+15550100"] }), person({ firstName: "J.", phones: ["+15550100"] })],
      [person({ companies: ["Acme Inc"] }), person({ companies: ["ACME"] })],
      [person({ externalIds: ["sf:1"] }), person({ firstName: "Omar", externalIds: ["sf:1"] })],
    ];
    expect(pairs.map(([a, b]) => sharesEvidence(prepare(a), prepare(b)))).toEqual([false, false, true, true, true, true]);
    for (const [a, b] of pairs) {
      if (!sharesEvidence(prepare(a), prepare(b))) expect(scorePair(a, b).score).toBeLessThan(PROPOSE_AT);
      else expect(scorePair(a, b).score).toBeGreaterThanOrEqual(PROPOSE_AT);
    }
  });
  it("trusts a shared external id most", () => {
    const s = scorePair(person({ externalIds: ["sf:1"] }), person({ firstName: "J.", externalIds: ["sf:1"] }));
    expect(s.score).toBeGreaterThanOrEqual(0.95);
    expect(s.reasons).toEqual(expect.arrayContaining(["same_external_id", "initial"]));
  });
});

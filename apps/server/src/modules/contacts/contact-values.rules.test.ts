import { describe, expect, it } from "vitest";
import { nationalNumber, normaliseEmails, normalisePhones } from "./contact-values.rules.js";

describe("contact values", () => {
  it("lower-cases, deduplicates and validates emails", () => {
    expect(normaliseEmails(["Ana@Example.COM", "ana@example.com", " "])).toEqual({ values: ["ana@example.com"], errors: [] });
    expect(normaliseEmails(["no-at-sign", "a@b"]).errors.map((e) => e.path)).toEqual(["body.emails.0", "body.emails.1"]);
  });

  it("stores phones in E.164, reading national numbers in the default country", () => {
    expect(normalisePhones(["030 1234567", "+1 (415) 555-0100"], "DE").values).toEqual(["+49301234567", "+14155550100"]);
    expect(normalisePhones(["12"], "DE").errors).toHaveLength(1);
    expect(nationalNumber("+49301234567")).toBe("301234567");
  });
});

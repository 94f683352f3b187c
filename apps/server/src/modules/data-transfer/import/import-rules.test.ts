import { describe, expect, it } from "vitest";
import { applyRow, emptyContact } from "./contact-merge.rules.js";
import { readRow } from "./row-values.rules.js";

const customDefs = [
  { key: "tier", label: "Tier", type: "select", options: ["gold", "silver"], required: false },
  { key: "score", label: "Score", type: "number", options: [], required: false },
];
const headers = ["First", "Last", "Emails", "Phone", "Stage", "Tier", "Score", "City", "Tags", "Name"];
const mapping = ["firstName", "lastName", "email", "phone", "lifecycleStage", "custom.tier", "custom.score", "city", "tags", "name"];
const read = (cells: string[]) => readRow(cells, { headers, mapping, customDefs, defaultCountry: "DE" });

describe("reading a row", () => {
  it("normalises values as the API stores them", () => {
    const { values, errors } = read([
      " Ana ",
      "Souza",
      "Ana@X.io; ana@x.io;b@x.io",
      "030 1234567",
      "Customer",
      "gold",
      "42",
      "Berlin",
      "vip; VIP;new",
    ]);
    expect(errors).toEqual([]);
    expect(values).toMatchObject({
      firstName: "Ana",
      lastName: "Souza",
      emails: ["ana@x.io", "b@x.io"],
      phones: ["+49301234567"],
      lifecycleStage: "customer",
      custom: { tier: "gold", score: 42 },
      address: { city: "Berlin" },
      tags: ["vip", "new"],
    });
  });

  it("reports each problem with its column", () => {
    const { errors } = read(["", "", "not-an-email", "12", "sometimes", "bronze", "many"]);
    expect(errors).toEqual(
      expect.arrayContaining([
        { column: "First", reason: "a first or last name is required" },
        { column: "Emails", reason: "not an email address" },
        { column: "Phone", reason: "not a phone number" },
        expect.objectContaining({ column: "Stage" }),
        { column: "Tier", reason: "one of: gold, silver" },
        { column: "Score", reason: "a number" },
      ]),
    );
  });

  it("splits a full name when first and last are not given, and strips the export's formula prefix", () => {
    expect(read(["", "", "", "", "", "", "", "", "", "Ana Maria Souza"]).values).toMatchObject({
      firstName: "Ana Maria",
      lastName: "Souza",
    });
    expect(read(["'=cmd", "X"]).values.firstName).toBe("=cmd");
  });
});

describe("applying rows to a person", () => {
  it("fills a new person and merges a repeated row without losing values", () => {
    const first = applyRow(emptyContact("u1"), read(["Ana", "Souza", "ana@x.io", "", "", "gold", "", "Berlin", "vip"]).values, undefined);
    const merged = applyRow(first, read(["", "", "ana@x.io; a2@x.io", "030 1234567", "", "", "7", "", "new"]).values, undefined);
    expect(merged).toMatchObject({
      first_name: "Ana",
      last_name: "Souza",
      emails: ["ana@x.io", "a2@x.io"],
      phones: ["+49301234567"],
      owner_id: "u1",
      tags: ["vip", "new"],
      custom: { tier: "gold", score: 7 },
      addresses: [{ city: "Berlin" }],
      lifecycle_stage: "lead",
    });
  });
});

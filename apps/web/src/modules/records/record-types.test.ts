import type { Company, Contact } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { cellValue, recordPath } from "./record-types";

const contact = {
  id: "c1",
  firstName: "Anna",
  lastName: "Albrecht",
  name: "Anna Albrecht",
  emails: ["anna@example.com"],
  phones: [],
  addresses: [{ city: "Berlin", country: "DE" }],
  companies: [{ companyId: "k1", name: "Borealis", role: null, isPrimary: true }],
  custom: { preferred_channel: "Email" },
  title: "CFO",
} as unknown as Contact;
const company = { id: "k1", name: "Borealis", country: "DE", addresses: [], phones: [], custom: {} } as unknown as Company;

describe("cellValue", () => {
  it("maps list field keys to record properties", () => {
    expect(cellValue(contact, "email")).toEqual(["anna@example.com"]);
    expect(cellValue(contact, "custom.preferred_channel")).toBe("Email");
    expect(cellValue(contact, "city")).toBe("Berlin");
    expect(cellValue(contact, "companyId")).toHaveLength(1);
    expect(cellValue(contact, "title")).toBe("CFO");
    expect(cellValue(company, "country")).toBe("DE");
    expect(cellValue(company, "custom.missing")).toBeUndefined();
  });

  it("builds record paths", () => {
    expect(recordPath("contact", "x")).toBe("/people/x");
    expect(recordPath("company", "y")).toBe("/companies/y");
  });
});

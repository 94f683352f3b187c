import { describe, expect, it } from "vitest";
import { contactTargets, suggestMapping } from "./mapping.rules.js";

const targets = contactTargets([
  { key: "tier", label: "Customer tier", type: "select" },
  { key: "interests", label: "Interests", type: "multi_select" },
]);
const suggest = (headers: string[]) => suggestMapping(headers, targets);

describe("column mapping suggestions", () => {
  it("maps HubSpot exports", () => {
    expect(
      suggest(["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Lifecycle Stage", "Contact owner"]),
    ).toEqual([null, "firstName", "lastName", "email", "phone", "company", "lifecycleStage", "owner"]);
  });

  it("maps Salesforce exports", () => {
    expect(suggest(["First Name", "Last Name", "Email", "Phone", "Mobile", "Title", "Account Name", "Lead Source"])).toEqual([
      "firstName",
      "lastName",
      "email",
      "phone",
      "phone",
      "title",
      "company",
      "source",
    ]);
  });

  it("maps Pipedrive exports", () => {
    expect(suggest(["Person - Name", "Person - Email", "Person - Phone", "Person - Organization", "Person - Label"])).toEqual([
      "name",
      "email",
      "phone",
      "company",
      null,
    ]);
  });

  it("maps Google Contacts exports, leaving the type columns out", () => {
    expect(
      suggest([
        "Name",
        "Given Name",
        "Family Name",
        "E-mail 1 - Type",
        "E-mail 1 - Value",
        "E-mail 2 - Value",
        "Phone 1 - Type",
        "Phone 1 - Value",
        "Organization 1 - Name",
        "Organization 1 - Title",
      ]),
    ).toEqual(["name", "firstName", "lastName", null, "email", "email", null, "phone", "company", "title"]);
  });

  it("maps Outlook exports", () => {
    expect(
      suggest(["First Name", "Last Name", "E-mail Address", "E-mail 2 Address", "Business Phone", "Mobile Phone", "Company", "Job Title"]),
    ).toEqual(["firstName", "lastName", "email", "email", "phone", "phone", "company", "title"]);
  });

  it("maps Rapport's own export headers and custom fields by label or key", () => {
    expect(
      suggest([
        "First name",
        "Last name",
        "Email",
        "Phone",
        "Company",
        "Owner",
        "Tags",
        "Postal code",
        "Created",
        "Customer tier",
        "interests",
      ]),
    ).toEqual([
      "firstName",
      "lastName",
      "email",
      "phone",
      "company",
      "owner",
      "tags",
      "postalCode",
      null,
      "custom.tier",
      "custom.interests",
    ]);
    expect(suggest(["custom.tier"])).toEqual(["custom.tier"]);
  });

  it("gives a single-valued target to its first column only, and ignores empty headers", () => {
    expect(suggest(["First Name", "Vorname", "", "Email", "Work Email"])).toEqual(["firstName", null, null, "email", "email"]);
  });
});

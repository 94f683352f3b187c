import { describe, expect, it } from "vitest";
import { COMPANY_ALIASES, companyTargets, domainOfWebsite, readCompanyRow } from "./company-values.rules.js";
import { suggestMapping } from "./mapping.rules.js";

const ctx = (headers: string[], mapping: (string | null)[]) => ({ headers, mapping, customDefs: [], defaultCountry: "DE" });

describe("company rows", () => {
  it("suggest targets for HubSpot, Salesforce and Pipedrive columns", () => {
    const targets = companyTargets([]);
    expect(
      suggestMapping(
        ["Company name", "Company Domain Name", "Number of Employees", "Billing City", "Company owner"],
        targets,
        COMPANY_ALIASES,
      ),
    ).toEqual(["name", "domain", "employees", "city", "owner"]);
    expect(suggestMapping(["Account Name", "Website", "Billing Country"], targets, COMPANY_ALIASES)).toEqual([
      "name",
      "website",
      "country",
    ]);
    expect(suggestMapping(["Organization - Name", "Organization - Address"], targets, COMPANY_ALIASES)).toEqual(["name", "street"]);
  });

  it("take the domain from a website", () => {
    expect(domainOfWebsite("https://www.Acme.com/about")).toBe("acme.com");
    expect(domainOfWebsite("acme.io")).toBe("acme.io");
  });

  it("read and normalise a row, and name the column of each problem", () => {
    const headers = ["Name", "Website", "Employees", "Country", "Phone"];
    const mapping = ["name", "website", "employees", "country", "phone"];
    const ok = readCompanyRow(["Acme", "https://acme.com", "1,200", "Germany", "030 1234567"], ctx(headers, mapping));
    expect(ok.errors).toEqual([]);
    expect(ok.values).toMatchObject({ name: "Acme", domain: "acme.com", employees: 1200, country: "DE", phones: ["+49301234567"] });
    const bad = readCompanyRow(["", "not a site", "many", "", ""], ctx(headers, mapping));
    expect(bad.errors.map((e) => e.column).sort()).toEqual(["Employees", "Name", "Website"]);
  });
});

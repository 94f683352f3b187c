import { describe, expect, it } from "vitest";
import { canonicalEmail, companyKey, foldName, matchKeys, type PersonProfile } from "./identity-values.rules.js";

const person = (p: Partial<PersonProfile>): PersonProfile => ({
  id: "x",
  firstName: "",
  lastName: "",
  emails: [],
  phones: [],
  companies: [],
  externalIds: [],
  ...p,
});

describe("identity values", () => {
  it("folds accents, case and other scripts to Latin letters", () => {
    expect(foldName("Zoë")).toBe("zoe");
    expect(foldName("  MÜLLER-Lüdenscheidt ")).toBe("mullerludenscheidt");
    expect(foldName("Иванов")).toBe("ivanov");
  });
  it("reduces an email to the mailbox it delivers to", () => {
    expect(canonicalEmail("John.Smith+crm@GMail.com")).toBe("johnsmith@gmail.com");
    expect(canonicalEmail("j.smith+news@acme.com")).toBe("j.smith@acme.com");
    expect(canonicalEmail("x@googlemail.com")).toBe("x@gmail.com");
  });
  it("ignores legal forms and punctuation in company names", () => {
    expect(companyKey("ACME, Inc.")).toBe(companyKey("Acme Incorporated"));
    expect(companyKey("Müller GmbH & Co. KG")).toBe("mullerand");
  });
  it("gives a nickname, a transliteration and the original the same name keys", () => {
    const a = matchKeys(person({ firstName: "Robert", lastName: "Smith" }));
    const b = matchKeys(person({ firstName: "Bob", lastName: "SMITH" }));
    expect(a.filter((k) => k.startsWith("n:"))).toEqual(b.filter((k) => k.startsWith("n:")));
    const c = matchKeys(person({ firstName: "Дмитрий", lastName: "Иванов" }));
    const d = matchKeys(person({ firstName: "Dmitry", lastName: "Ivanov" }));
    expect(c.filter((k) => k.startsWith("n:"))).toEqual(d.filter((k) => k.startsWith("n:")));
  });
  it("keys emails, phones, external ids and companies", () => {
    const keys = matchKeys(
      person({
        firstName: "Ann",
        lastName: "Lee",
        emails: ["A.Lee@gmail.com"],
        phones: ["+4930123456"],
        companies: ["Acme Ltd"],
        externalIds: ["hubspot:42"],
      }),
    );
    expect(keys).toContain("e:alee@gmail.com");
    expect(keys).toContain("p:+4930123456");
    expect(keys).toContain("x:hubspot:42");
    expect(keys.some((k) => k.startsWith("c:acme:"))).toBe(true);
  });
});

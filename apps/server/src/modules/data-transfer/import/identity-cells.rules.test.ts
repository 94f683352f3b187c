import { describe, expect, it } from "vitest";
import { externalIdentity, readIdentityCells, socialFromUrl, socialIdentity } from "./identity-cells.rules.js";

describe("identities from import cells", () => {
  it("turns profile URLs of social sites into network:handle, and ignores other sites", () => {
    expect(socialFromUrl("https://www.linkedin.com/in/Ana-Souza/")).toBe("linkedin:ana-souza");
    expect(socialFromUrl("linkedin.com/in/jmueller")).toBe("linkedin:jmueller");
    expect(socialFromUrl("https://twitter.com/AnaSouza")).toBe("x:anasouza");
    expect(socialFromUrl("http://x.com/@ana_s")).toBe("x:ana_s");
    expect(socialFromUrl("https://github.com/octocat")).toBe("github:octocat");
    expect(socialFromUrl("https://www.youtube.com/@Channel")).toBe("youtube:channel");
    expect(socialFromUrl("https://acme.example/about")).toBeNull();
    expect(socialFromUrl("https://twitter.com/home/settings")).toBeNull();
    expect(socialFromUrl("ftp://github.com/octocat")).toBeNull();
  });

  it("reads network:handle, IMPP addresses and bare handles with a known network", () => {
    expect(socialIdentity("Twitter:@AnaSouza")).toBe("x:anasouza");
    expect(socialIdentity("xmpp:Ana@jabber.example")).toBe("xmpp:ana@jabber.example");
    expect(socialIdentity("skype:ana.souza")).toBe("skype:ana.souza");
    expect(socialIdentity("@AnaSouza", "twitter")).toBe("x:anasouza");
    expect(socialIdentity("ana", "X-LINKEDIN")).toBe("linkedin:ana");
    expect(socialIdentity("ana")).toBeNull();
    expect(socialIdentity("https://acme.example/ana")).toBeNull();
    expect(socialIdentity("two words:x y")).toBeNull();
  });

  it("keeps system:id external ids and gives bare ones the file's system", () => {
    expect(externalIdentity("Salesforce:0035e00000ABC")).toBe("salesforce:0035e00000ABC");
    expect(externalIdentity("vcard:urn:uuid:4F3A")).toBe("vcard:urn:uuid:4F3A");
    expect(externalIdentity(" 12345 ")).toBe("import:12345");
  });

  it("reports cells that are no identity with their column, and drops repeats", () => {
    expect(
      readIdentityCells([
        { target: "externalId", value: "hubspot:42", column: "Record ID" },
        { target: "social", value: "https://linkedin.com/in/ana", column: "LinkedIn" },
        { target: "social", value: "linkedin:ana", column: "Social" },
        { target: "social", value: "not a profile", column: "Social" },
      ]),
    ).toEqual({
      identities: [
        { kind: "external_id", value: "hubspot:42" },
        { kind: "social", value: "linkedin:ana" },
      ],
      errors: [{ column: "Social", reason: "not a social profile (a profile URL or network:handle)" }],
    });
  });
});

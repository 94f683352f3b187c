import type { Contact } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { contactToVcard, escapeText, foldLine } from "./vcard.rules.js";

const contact: Contact = {
  id: "0190c0de-0000-7000-8000-000000000001",
  firstName: "Jörg",
  lastName: "Müller; Jr.",
  name: "Jörg Müller; Jr.",
  title: "CTO, Ops",
  emails: ["jorg@example.com", "j@example.org"],
  phones: ["+49301234567"],
  addresses: [{ street: "Hauptstr. 1", city: "Berlin", postalCode: "10115", country: "DE" }],
  social: {},
  lifecycleStage: "customer",
  source: null,
  ownerId: null,
  tags: ["vip", "a,b"],
  notes: "line 1\nline 2",
  custom: {},
  companies: [{ companyId: "0190c0de-0000-7000-8000-000000000002", name: "Acme", role: null, isPrimary: true }],
  lastInteractionAt: null,
  createdAt: "2026-01-02T03:04:05.000Z",
  updatedAt: "2026-01-02T03:04:05.678Z",
  deletedAt: null,
};

describe("vCard 4.0", () => {
  it("writes the person with escaped values and CRLF lines", () => {
    const card = contactToVcard(contact);
    expect(card.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n")).toBe(true);
    expect(card.endsWith("END:VCARD\r\n")).toBe(true);
    expect(card).toContain("N:Müller\\; Jr.;Jörg;;;\r\n");
    expect(card).toContain("EMAIL;PREF=1:jorg@example.com\r\nEMAIL:j@example.org\r\n");
    expect(card).toContain("TEL;VALUE=uri;PREF=1:tel:+49301234567\r\n");
    expect(card).toContain("ORG:Acme\r\nTITLE:CTO\\, Ops\r\n");
    expect(card).toContain("ADR:;;Hauptstr. 1;Berlin;;10115;DE\r\n");
    expect(card).toContain("CATEGORIES:vip,a\\,b\r\n");
    expect(card).toContain("NOTE:line 1\\nline 2\r\n");
    expect(card).toContain("REV:20260102T030405Z\r\n");
  });

  it("folds long lines at 75 octets without splitting characters", () => {
    const folded = foldLine(`NOTE:${"ü".repeat(100)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(""),
    ).toBe(`NOTE:${"ü".repeat(100)}`);
    expect(escapeText("a\\b")).toBe("a\\\\b");
  });
});

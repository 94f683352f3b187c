import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contactTargets, suggestMapping } from "./mapping.rules.js";
import { looksLikeVcard, parseContentLine, unescapeText, VCARD_HEADERS } from "./vcard-cards.rules.js";
import { vcardRows } from "./vcard-file.js";

const fixture = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", name), "utf8");

async function rows(text: string, chunk = 7) {
  // Small chunks: folds and soft breaks must survive any split of the stream.
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += chunk) parts.push(text.slice(i, i + chunk));
  const out: Record<string, string>[] = [];
  let header: string[] | undefined;
  for await (const r of vcardRows(Readable.from(parts))) {
    if (!header) header = r;
    else out.push(Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]).filter(([, v]) => v)));
  }
  return out;
}

describe("vCard files as import rows", () => {
  it("reads Google Contacts' vCard 3.0: several emails, escaped commas, line breaks in notes, categories as tags", async () => {
    expect(await rows(fixture("google-contacts.vcf"))).toEqual([
      {
        "First Name": "Ana Maria",
        "Last Name": "Souza",
        "Full Name": "Ana Maria Souza",
        Email: "ana.souza@gmail.example; ana@acme.example",
        Phone: "+55 11 91234-5678",
        Company: "Acme Ltda.",
        Title: "Head of Procurement",
        Street: "Rua Augusta 1500, sala 4",
        City: "São Paulo",
        Region: "SP",
        "Postal Code": "01304-001",
        Country: "Brazil",
        Notes: "Met at the São Paulo fair.\nPrefers WhatsApp.",
        Tags: "myContacts; Suppliers",
      },
      { "First Name": "Ben", "Last Name": "Okafor", "Full Name": "Ben Okafor", Email: "ben@okafor.example", Tags: "myContacts" },
    ]);
  });

  it("reads Apple Contacts: grouped properties, preferred values first, folded lines, an embedded photo skipped, UID and social profile", async () => {
    const [card] = await rows(fixture("apple-contacts.vcf"));
    expect(card).toEqual({
      "First Name": "Jürgen",
      "Last Name": "Müller",
      "Full Name": "Dr. Jürgen Müller",
      Email: "juergen.mueller@mueller-soehne.example",
      Phone: "+49 30 1234567; +49 171 2345678",
      Company: "Müller & Söhne GmbH",
      Title: "Leiter Einkauf",
      Street: "Friedrichstraße 10",
      City: "Berlin",
      "Postal Code": "10117",
      Country: "Germany",
      Notes: "Long note that Apple folds over several lines because it is longer than seventy-five characters.",
      "External ID": "vcard:4F3A2C1B-8E0D-4C2A-9B7F-1A2B3C4D5E6F",
      "Social Profiles": "linkedin:jmueller",
    });
  });

  it("reads Outlook's vCard 2.1: bare parameters, quoted-printable in the card's charset, soft line breaks", async () => {
    const [card] = await rows(fixture("outlook.vcf"), 3);
    expect(card).toMatchObject({
      "First Name": "Renée",
      "Last Name": "Grün",
      "Full Name": "Renée Grün",
      Email: "renee.gruen@fabrikam.example",
      Phone: "(425) 555-0100; (425) 555-0199",
      Company: "Fabrikam Inc.",
      Street: "One Microsoft Way",
      City: "Redmond",
      Region: "WA",
      Notes: "First line\r\nSecond line with ä and a very long text that Outlook breaks softly.",
    });
  });

  it("reads vCard 4.0 URIs and ignores what is outside a card", async () => {
    const text =
      "junk\nBEGIN:VCARD\nVERSION:4.0\nFN:Kofi Mensah\nN:Mensah;Kofi;;;\nTEL;VALUE=uri;TYPE=cell:tel:+233-24-123-4567\nEMAIL:mailto:kofi@example.com\nEND:VCARD\n";
    expect(await rows(text)).toEqual([
      { "First Name": "Kofi", "Last Name": "Mensah", "Full Name": "Kofi Mensah", Phone: "+233-24-123-4567", Email: "kofi@example.com" },
    ]);
    expect(await rows("BEGIN:VCARD\nFN:No end\n")).toEqual([]);
  });

  it("names its columns so that the suggested mapping takes every one", () => {
    expect(suggestMapping([...VCARD_HEADERS], contactTargets([]))).toEqual([
      "firstName",
      "lastName",
      "name",
      "email",
      "phone",
      "company",
      "title",
      "street",
      "city",
      "postalCode",
      "region",
      "country",
      "notes",
      "tags",
      "externalId",
      "social",
    ]);
  });

  it("makes identities of X-SOCIALPROFILE, IMPP and the URLs of social sites, not of other URLs", async () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "FN:Ana Souza",
      "N:Souza;Ana;;;",
      "UID:urn:uuid:0b8e6f1c-1111-4222-8333-944455556666",
      "X-SOCIALPROFILE;type=twitter;x-user=AnaSouza:http://twitter.com/AnaSouza",
      "X-SOCIALPROFILE;type=github:octo-ana",
      "IMPP;X-SERVICE-TYPE=Skype:skype:ana.souza",
      "item1.URL:https://www.linkedin.com/in/ana-souza/",
      "URL:https://souza-foods.example",
      "END:VCARD",
      "",
    ].join("\r\n");
    expect(await rows(text)).toEqual([
      {
        "First Name": "Ana",
        "Last Name": "Souza",
        "Full Name": "Ana Souza",
        "External ID": "vcard:urn:uuid:0b8e6f1c-1111-4222-8333-944455556666",
        "Social Profiles": "x:anasouza; github:octo-ana; skype:ana.souza; linkedin:ana-souza",
      },
    ]);
  });

  it("tells vCard files from CSV files, parses parameters and unescapes text", () => {
    expect(looksLikeVcard("\uFEFF\r\nbegin:vcard\r\nVERSION:3.0")).toBe(true);
    expect(looksLikeVcard("First Name,BEGIN:VCARD")).toBe(false);
    expect(parseContentLine('item1.TEL;TYPE="work,voice";PREF=1:+1 555')).toEqual({
      name: "TEL",
      params: new Map([
        ["TYPE", ["work", "voice"]],
        ["PREF", ["1"]],
      ]),
      value: "+1 555",
    });
    expect(unescapeText("a\\, b\\; c\\\\d\\ne")).toBe("a, b; c\\d\ne");
  });
});

import type { Contact } from "@rapport/contract";

/**
 * vCard 4.0 (RFC 6350) of a person. Text values escape backslash, comma, semicolon and line
 * breaks; lines longer than 75 octets are folded (CRLF and a space) without splitting a
 * UTF-8 character; lines end in CRLF.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/;/g, "\\;")
    .replace(/\r\n|\r|\n/g, "\\n");
}

export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const stamp = (iso: string) => `${iso.replace(/[-:]/g, "").replace(/\.\d+/, "")}`;

export function contactToVcard(c: Contact): string {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:4.0",
    `UID:urn:uuid:${c.id}`,
    `FN:${escapeText(c.name)}`,
    `N:${escapeText(c.lastName)};${escapeText(c.firstName)};;;`,
    ...c.emails.map((e, i) => `EMAIL${i === 0 ? ";PREF=1" : ""}:${escapeText(e)}`),
    ...c.phones.map((p, i) => `TEL;VALUE=uri${i === 0 ? ";PREF=1" : ""}:tel:${p}`),
    ...(c.companies[0] ? [`ORG:${escapeText(c.companies[0].name)}`] : []),
    ...(c.title ? [`TITLE:${escapeText(c.title)}`] : []),
    ...c.addresses.map(
      (a) =>
        `ADR${a.label ? `;TYPE=${escapeText(a.label.toLowerCase())}` : ""}:;;${[a.street, a.city, a.region, a.postalCode, a.country]
          .map((p) => escapeText(p ?? ""))
          .join(";")}`,
    ),
    ...(c.tags.length ? [`CATEGORIES:${c.tags.map(escapeText).join(",")}`] : []),
    ...(c.notes ? [`NOTE:${escapeText(c.notes)}`] : []),
    `REV:${stamp(c.updatedAt)}`,
    "END:VCARD",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

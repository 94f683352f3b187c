import iconv from "iconv-lite";
import { socialIdentity } from "./identity-cells.rules.js";

/**
 * Reading vCard 2.1 (Outlook), 3.0 (Apple, Google) and 4.0 as the rows of an import: each
 * card becomes one row under fixed column names that the mapping suggestions already know.
 * Pure functions over lines; `vcard-file.ts` feeds them a file as a stream.
 */
export const VCARD_DELIMITER = "vcard";
export const VCARD_HEADERS = [
  "First Name",
  "Last Name",
  "Full Name",
  "Email",
  "Phone",
  "Company",
  "Title",
  "Street",
  "City",
  "Postal Code",
  "Region",
  "Country",
  "Notes",
  "Tags",
  "External ID",
  "Social Profiles",
] as const;

/** A file is a vCard file when its first non-blank text is BEGIN:VCARD. */
export function looksLikeVcard(head: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCARD/i.test(head);
}

export type ContentLine = { name: string; params: Map<string, string[]>; value: string };

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(value: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === "\\" && i + 1 < value.length) {
      cur += ch + value[i + 1];
      i++;
    } else if (ch === sep) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** vCard text escapes: \n (or \N) is a line break, \, \; \\ are the characters themselves. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** Quoted-printable to bytes (soft line breaks were joined when the line was read). */
function decodeQuotedPrintable(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === "=" && i === value.length - 1) {
      // a soft line break at the very end
    } else bytes.push(...Buffer.from(ch, "utf8"));
  }
  return Buffer.from(bytes);
}

/**
 * One unfolded content line: `[group.]NAME;PARAM=a,b;TYPE=work:value`. vCard 2.1's bare
 * parameters (`TEL;WORK;VOICE:`) count as TYPE values. Quoted-printable values are decoded
 * with their CHARSET (UTF-8 when none is given).
 */
export function parseContentLine(line: string): ContentLine | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ":" && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [rawName = "", ...rawParams] = line.slice(0, colon).split(";");
  const name = rawName.slice(rawName.lastIndexOf(".") + 1).toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf("=");
    const key = eq < 0 ? (/^(QUOTED-PRINTABLE|BASE64|B|8BIT)$/i.test(p) ? "ENCODING" : "TYPE") : p.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1)).split(",").map((v) => v.replace(/^"|"$/g, "").toLowerCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = line.slice(colon + 1);
  if (params.get("ENCODING")?.includes("quoted-printable")) {
    const charset = params.get("CHARSET")?.[0] ?? "utf-8";
    value = iconv.decode(decodeQuotedPrintable(value), iconv.encodingExists(charset) ? charset : "utf-8");
  }
  return { name, params, value };
}

/** Whether a raw line ends a quoted-printable value that continues on the next line (vCard 2.1 soft break). */
export function continuesQuotedPrintable(line: string): boolean {
  return /QUOTED-PRINTABLE/i.test(line.slice(0, line.indexOf(":") + 1)) && line.endsWith("=");
}

const first = <T>(xs: T[]) => xs[0];
const preferred = (lines: ContentLine[]) =>
  [...lines].sort(
    (a, b) =>
      Number(b.params.get("TYPE")?.includes("pref") ?? false) - Number(a.params.get("TYPE")?.includes("pref") ?? false) ||
      Number(b.params.has("PREF")) - Number(a.params.has("PREF")),
  );

/** The row of one card (its content lines between BEGIN and END), in the order of VCARD_HEADERS. */
export function cardToRow(lines: ContentLine[]): string[] {
  const of = (name: string) => lines.filter((l) => l.name === name);
  const text = (name: string) => unescapeText(first(of(name))?.value ?? "").trim();
  const n = splitUnescaped(first(of("N"))?.value ?? "", ";").map((p) => unescapeText(p).trim());
  const adr = splitUnescaped(first(preferred(of("ADR")))?.value ?? "", ";").map((p) => unescapeText(p).replace(/\n/g, ", ").trim());
  const emails = preferred(of("EMAIL")).map((l) =>
    unescapeText(l.value)
      .replace(/^mailto:/i, "")
      .trim(),
  );
  const phones = preferred(of("TEL")).map((l) => unescapeText(l.value).replace(/^tel:/i, "").trim());
  const org = splitUnescaped(first(of("ORG"))?.value ?? "", ";").map((p) => unescapeText(p).trim());
  const tags = of("CATEGORIES").flatMap((l) => splitUnescaped(l.value, ",").map((t) => unescapeText(t).trim()));
  const join = (xs: string[]) => [...new Set(xs.filter(Boolean))].join("; ");
  const uid = text("UID");
  // Social profiles: X-SOCIALPROFILE (Apple; the network in TYPE), IMPP (xmpp:, skype:, …) and
  // URLs of social sites; other URLs (a company's site) are no identity of the person.
  const social = [
    ...of("X-SOCIALPROFILE").map((l) => socialIdentity(unescapeText(l.value), l.params.get("TYPE")?.[0])),
    ...of("IMPP").map((l) => socialIdentity(unescapeText(l.value))),
    ...of("URL").map((l) => socialIdentity(unescapeText(l.value))),
  ].filter((v): v is string => v !== null);
  return [
    n[1] ?? "",
    n[0] ?? "",
    text("FN"),
    join(emails),
    join(phones),
    org[0] ?? "",
    text("TITLE"),
    [adr[2], adr[1]].filter(Boolean).join(", "),
    adr[3] ?? "",
    adr[5] ?? "",
    adr[4] ?? "",
    adr[6] ?? "",
    text("NOTE"),
    join(tags),
    // vCard's UID names the card in the address book it came from.
    uid ? `vcard:${uid}` : "",
    join(social),
  ];
}

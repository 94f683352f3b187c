import { Readable } from "node:stream";
import type { Contact } from "@rapport/contract";
import { contactToVcard } from "./vcard.rules.js";

/** RFC 4180: fields with a delimiter, quote or line break are quoted (quotes doubled); records end in CRLF. */
const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: string) => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** CSV lines written in Node: headers and error reports (exports' records are written by PostgreSQL). */
export function csvLines(rows: string[][]): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvCell).join(",")}\r\n`;
  return out;
}

export function vcardStream(batches: AsyncIterable<Contact[]>): Readable {
  async function* chunks() {
    for await (const batch of batches) yield batch.map(contactToVcard).join("");
  }
  return Readable.from(chunks(), { objectMode: false });
}

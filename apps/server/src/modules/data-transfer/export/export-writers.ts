import { Readable } from "node:stream";
import type { Contact } from "@rapport/contract";
import { neutraliseCell } from "../csv-cells.rules.js";
import type { ExportColumn, ExportContext } from "./export-columns.js";
import { contactToVcard } from "./vcard.rules.js";

/** RFC 4180: fields with a delimiter, quote or line break are quoted (quotes doubled); records end in CRLF. */
const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: string) => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The BOM makes spreadsheet programs read the file as UTF-8 instead of their legacy code page. */
const BOM = "\uFEFF";

export function csvLines(rows: string[][]): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvCell).join(",")}\r\n`;
  return out;
}

/**
 * A CSV file written page by page as the reader asks for it (backpressure), so memory
 * holds one page whatever the size of the export. Every cell is neutralised against
 * formula injection.
 */
export function csvStream<T>(batches: AsyncIterable<T[]>, columns: ExportColumn<T>[], ctx: ExportContext): Readable {
  async function* chunks() {
    yield BOM + csvLines([columns.map((c) => neutraliseCell(c.label))]);
    // One string per page, built cell by cell: no array per row, no per-row stringifier calls.
    for await (const batch of batches) {
      let out = "";
      for (const r of batch) {
        for (let i = 0; i < columns.length; i++) {
          if (i > 0) out += ",";
          out += csvCell(neutraliseCell((columns[i] as ExportColumn<T>).value(r, ctx)));
        }
        out += "\r\n";
      }
      yield out;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

export function vcardStream(batches: AsyncIterable<Contact[]>): Readable {
  async function* chunks() {
    for await (const batch of batches) yield batch.map(contactToVcard).join("");
  }
  return Readable.from(chunks(), { objectMode: false });
}

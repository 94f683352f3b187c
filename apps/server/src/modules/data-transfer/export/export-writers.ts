import { Readable } from "node:stream";
import type { Contact } from "@rapport/contract";
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "../csv-cells.rules.js";
import type { ExportColumn, ExportContext } from "./export-columns.js";
import { contactToVcard } from "./vcard.rules.js";

/** RFC 4180: fields with a delimiter, quote or line break are quoted; records end in CRLF. */
const CSV = { record_delimiter: "windows" } as const;

/** The BOM makes spreadsheet programs read the file as UTF-8 instead of their legacy code page. */
const BOM = "\uFEFF";

export function csvLines(rows: string[][]): string {
  return stringify(rows, CSV);
}

/**
 * A CSV file written page by page as the reader asks for it (backpressure), so memory
 * holds one page whatever the size of the export. Every cell is neutralised against
 * formula injection.
 */
export function csvStream<T>(batches: AsyncIterable<T[]>, columns: ExportColumn<T>[], ctx: ExportContext): Readable {
  async function* chunks() {
    yield BOM + csvLines([columns.map((c) => neutraliseCell(c.label))]);
    for await (const batch of batches) {
      yield csvLines(batch.map((r) => columns.map((c) => neutraliseCell(c.value(r, ctx)))));
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

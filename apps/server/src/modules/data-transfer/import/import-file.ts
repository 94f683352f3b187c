import { pipeline, Readable, Transform } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import type { FileStorage } from "../../../platform/storage/storage.js";
import { type Encoding, ICONV_NAME, Utf8Check } from "./encoding.rules.js";
import { VCARD_DELIMITER } from "./vcard-cards.rules.js";
import { vcardRows } from "./vcard-file.js";

export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** A record (one row, all its cells) larger than this is not a spreadsheet row but a broken quote. */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/** Watches an upload go by: keeps its first bytes and checks that all of it is UTF-8. */
class Sniffer extends Transform {
  private readonly head: Buffer[] = [];
  private headSize = 0;
  readonly utf8 = new Utf8Check();

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void) {
    if (this.headSize < HEAD_BYTES) {
      this.head.push(chunk.subarray(0, HEAD_BYTES - this.headSize));
      this.headSize += Math.min(chunk.length, HEAD_BYTES - this.headSize);
    }
    this.utf8.push(chunk);
    done(null, chunk);
  }

  first(): Buffer {
    return Buffer.concat(this.head);
  }
}

/** Stores an uploaded file under `key` in one pass, learning what encoding detection needs. */
export async function storeUpload(storage: FileStorage, key: string, file: Readable) {
  const sniffer = new Sniffer();
  file.on("error", (err: Error) => sniffer.destroy(err));
  const stored = await storage.put(key, file.pipe(sniffer));
  return { ...stored, head: sniffer.first(), validUtf8: sniffer.utf8.valid() };
}

/** The decoded text at the start of a file, for delimiter detection. */
export function decodeHead(head: Buffer, encoding: Encoding): string {
  return iconv.decode(head, ICONV_NAME[encoding]);
}

export type CsvFormat = { encoding: Encoding; delimiter: string };

/**
 * The records of a stored CSV (or vCard) file, decoded and parsed as a stream (memory stays flat for
 * any size). Quoted fields may hold delimiters, quotes and line breaks; rows may have fewer
 * or more cells than the header; blank lines are skipped. Stopping early closes the file.
 */
export async function openRecords(storage: FileStorage, key: string, format: CsvFormat): Promise<AsyncIterable<string[]> & Readable> {
  const source = await storage.get(key);
  if (format.delimiter === VCARD_DELIMITER) {
    // A vCard file reads as rows too: a fixed header, then one row per card.
    const text = iconv.decodeStream(ICONV_NAME[format.encoding]) as unknown as Readable & NodeJS.WritableStream;
    pipeline(source, text, () => {});
    const rows = Readable.from(vcardRows(text));
    rows.on("close", () => text.destroy());
    return rows;
  }
  const parser = parse({
    delimiter: format.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  pipeline(source, iconv.decodeStream(ICONV_NAME[format.encoding]), parser, () => {});
  return parser;
}

/** The first `n` records (header and first rows) of a stored file. */
export async function readHead(storage: FileStorage, key: string, format: CsvFormat, n: number): Promise<string[][]> {
  const records: string[][] = [];
  for await (const record of await openRecords(storage, key, format)) {
    records.push(record);
    if (records.length >= n) break;
  }
  return records;
}

/** How many data rows (records after the header) an import's file has: the total of a progress bar. */
export async function countRecords(
  storage: FileStorage,
  file: { storage_key: string; encoding: string; delimiter: string },
): Promise<number> {
  let n = -1;
  const format = { encoding: file.encoding as Encoding, delimiter: file.delimiter };
  for await (const _ of await openRecords(storage, file.storage_key, format)) n++;
  return Math.max(n, 0);
}

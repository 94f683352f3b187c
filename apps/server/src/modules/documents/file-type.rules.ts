import { Transform, type TransformCallback } from "node:stream";

/**
 * Uploaded files are typed by their bytes, never by the name or the declared type. Only the
 * families below are accepted; the content type stored (and served) is the one found here.
 */
export const CONTENT_TYPES = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
} as const;

const HEAD = 64 * 1024;
/** Enough for the central directory of any office file up to the upload limit. */
const TAIL = 256 * 1024;

export type Sample = { head: Buffer; tail: Buffer; size: number; utf8Text: boolean };

const starts = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === "string" ? Buffer.from(sig, "latin1") : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

/** The content type of a file from its first and last bytes, or undefined when it is not allowed. */
export function classify(s: Sample, filename: string): string | undefined {
  const { head } = s;
  const ext = /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase();
  if (starts(head, "%PDF-")) return CONTENT_TYPES.pdf;
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return CONTENT_TYPES.png;
  if (starts(head, [0xff, 0xd8, 0xff])) return CONTENT_TYPES.jpeg;
  if (starts(head, "GIF87a") || starts(head, "GIF89a")) return CONTENT_TYPES.gif;
  if (starts(head, "RIFF") && starts(head, "WEBP", 8)) return CONTENT_TYPES.webp;
  if (starts(head, "PK\x03\x04")) return classifyZip(s);
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return classifyOle(s, ext);
  if (s.utf8Text && s.size > 0) return ext === "csv" ? CONTENT_TYPES.csv : CONTENT_TYPES.txt;
  return undefined;
}

/** Office Open XML and OpenDocument files are zips told apart by the names of their parts. */
function classifyZip(s: Sample): string | undefined {
  // OpenDocument stores an uncompressed "mimetype" entry first, its content right after the header.
  if (starts(s.head, "mimetype", 30)) {
    const mime = /^[a-z0-9.+/-]+/.exec(s.head.subarray(38, 38 + 100).toString("latin1"))?.[0];
    if (mime === "application/vnd.oasis.opendocument.text") return CONTENT_TYPES.odt;
    if (mime === "application/vnd.oasis.opendocument.spreadsheet") return CONTENT_TYPES.ods;
    return undefined;
  }
  const names = new Set([...centralDirectoryNames(s), ...localHeaderNames(s.head)]);
  if (!names.has("[Content_Types].xml")) return undefined;
  if (names.has("word/document.xml")) return CONTENT_TYPES.docx;
  if (names.has("xl/workbook.xml")) return CONTENT_TYPES.xlsx;
  if (names.has("ppt/presentation.xml")) return CONTENT_TYPES.pptx;
  return undefined;
}

/** Entry names from the zip's central directory, when it lies within the sampled tail. */
function centralDirectoryNames({ tail, size }: Sample): string[] {
  const eocd = tail.lastIndexOf(Buffer.from("PK\x05\x06", "latin1"));
  if (eocd < 0 || eocd + 22 > tail.length) return [];
  const count = tail.readUInt16LE(eocd + 10);
  let at = tail.readUInt32LE(eocd + 16) - (size - tail.length);
  const names: string[] = [];
  for (let i = 0; i < count && at >= 0 && at + 46 <= tail.length && starts(tail, "PK\x01\x02", at); i++) {
    const nameLength = tail.readUInt16LE(at + 28);
    names.push(tail.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + tail.readUInt16LE(at + 30) + tail.readUInt16LE(at + 32);
  }
  return names;
}

/** Entry names of the local headers found in the first bytes (zips whose directory was not sampled). */
function localHeaderNames(head: Buffer): string[] {
  const names: string[] = [];
  const sig = Buffer.from("PK\x03\x04", "latin1");
  for (let at = head.indexOf(sig); at >= 0 && at + 30 <= head.length; at = head.indexOf(sig, at + 4)) {
    names.push(head.subarray(at + 30, at + 30 + head.readUInt16LE(at + 26)).toString("utf8"));
  }
  return names;
}

/** Legacy Word and Excel files are OLE containers whose directory names their main stream. */
function classifyOle(s: Sample, ext: string | undefined): string | undefined {
  const has = (name: string) => [s.head, s.tail].some((b) => b.includes(Buffer.from(name, "utf16le")));
  if (has("WordDocument")) return CONTENT_TYPES.doc;
  if (has("Workbook") || has("Book\0")) return CONTENT_TYPES.xls;
  // The directory may lie in the unsampled middle: the container is still one of the two.
  if (ext === "doc") return CONTENT_TYPES.doc;
  if (ext === "xls") return CONTENT_TYPES.xls;
  return undefined;
}

/** Text is valid UTF-8 without the control characters that only binary files contain. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const BINARY_CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

/**
 * Passes a file through while sampling what `classify` needs: the first and last bytes, the
 * size, and whether all of it is text. Memory stays bounded whatever the file's size.
 */
export class FileSampler extends Transform {
  private head: Buffer[] = [];
  private headSize = 0;
  private tail: Buffer[] = [];
  private tailSize = 0;
  private size = 0;
  private text = true;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.headSize < HEAD) {
      const part = chunk.subarray(0, HEAD - this.headSize);
      this.head.push(part);
      this.headSize += part.length;
    }
    this.tail.push(chunk);
    this.tailSize += chunk.length;
    while (this.tail.length > 1 && this.tailSize - (this.tail[0]?.length ?? 0) >= TAIL) this.tailSize -= this.tail.shift()?.length ?? 0;
    if (this.text) this.checkText(chunk, true);
    done(null, chunk);
  }

  override _flush(done: TransformCallback) {
    if (this.text) this.checkText(undefined, false);
    done();
  }

  private checkText(chunk: Buffer | undefined, stream: boolean) {
    try {
      if (BINARY_CONTROL.test(this.decoder.decode(chunk, { stream }))) this.text = false;
    } catch {
      this.text = false;
    }
  }

  sample(): Sample {
    const tail = Buffer.concat(this.tail);
    return { head: Buffer.concat(this.head), tail: tail.subarray(Math.max(0, tail.length - TAIL)), size: this.size, utf8Text: this.text };
  }
}

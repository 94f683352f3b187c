import type { importEncodings } from "@rapport/contract";

export type Encoding = (typeof importEncodings)[number];

/** iconv-lite's names of the encodings (its decoder also drops a byte order mark). */
export const ICONV_NAME: Record<Encoding, string> = {
  "utf-8": "utf8",
  "utf-8-bom": "utf8",
  "utf-16le": "utf16le",
  "utf-16be": "utf16be",
  "windows-1252": "win1252",
};

/**
 * The encoding of a file from its first bytes and whether the whole file is valid UTF-8:
 * a byte order mark decides; without one, text whose every other byte is zero is UTF-16;
 * valid UTF-8 is UTF-8; anything else is read as Windows-1252, the superset of Latin-1 that
 * spreadsheet programs write.
 */
export function detectEncoding(head: Uint8Array, validUtf8: boolean): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs >= 2) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < pairs; i++) {
      if (head[2 * i] === 0) evenZero++;
      if (head[2 * i + 1] === 0) oddZero++;
    }
    if (oddZero / pairs > 0.4 && evenZero === 0) return "utf-16le";
    if (evenZero / pairs > 0.4 && oddZero === 0) return "utf-16be";
  }
  return validUtf8 ? "utf-8" : "windows-1252";
}

/** Checks UTF-8 validity chunk by chunk, so a file of any size is checked as it streams past. */
export class Utf8Check {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private ok = true;

  push(chunk: Uint8Array) {
    if (!this.ok) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.ok = false;
    }
  }

  valid(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

export const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The delimiter of a CSV text sample: the candidate that splits the most lines into the same
 * number of fields (outside quotes), preferring more fields; the comma when none splits
 * anything. The last line of the sample may be cut short and is ignored.
 */
export function detectDelimiter(sample: string): string {
  const lines: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let quoted = false;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n") {
      lines.push(counts);
      counts = new Map();
      if (lines.length >= 50) break;
    } else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  if (lines.length === 0) lines.push(counts);
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const d of DELIMITERS) {
    const perLine = lines.map((l) => l.get(d) ?? 0);
    const frequency = new Map<number, number>();
    for (const n of perLine) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    for (const [fields, lineCount] of frequency) {
      const score = lineCount * 1000 + fields;
      if (score > best.score) best = { delimiter: d, score };
    }
  }
  return best.delimiter;
}

import type { Readable } from "node:stream";
import { type ContentLine, cardToRow, continuesQuotedPrintable, parseContentLine, VCARD_HEADERS } from "./vcard-cards.rules.js";

/** A card larger than this (a huge embedded photo, or a missing END) is a broken file. */
const MAX_CARD_CHARS = 8 * 1024 * 1024;

class VcardError extends Error {
  readonly code = "CSV_VCARD_INVALID";
}

/** The physical lines of decoded text, as they arrive. */
async function* linesOf(text: AsyncIterable<string | Buffer>) {
  let rest = "";
  for await (const chunk of text) {
    rest += String(chunk);
    // A CR at the end of a chunk may be the first half of a CRLF: it waits for the next chunk.
    const cut = rest.endsWith("\r") ? rest.length - 1 : rest.length;
    const parts = rest.slice(0, cut).split(/\r\n|\n|\r/);
    rest = (parts.pop() ?? "") + rest.slice(cut);
    if (rest.length > MAX_CARD_CHARS) throw new VcardError("a line of the vCard file is too long");
    yield* parts;
  }
  if (rest) yield rest;
}

/**
 * The rows of a vCard file read as a stream: the header row (`VCARD_HEADERS`), then one row
 * per card. Folded lines (a leading space or tab) and quoted-printable soft breaks are
 * joined; lines outside BEGIN/END and unknown properties are ignored.
 */
export async function* vcardRows(text: Readable): AsyncGenerator<string[]> {
  yield [...VCARD_HEADERS];
  let card: ContentLine[] | null = null;
  let size = 0;
  let pending: string | null = null;
  const take = (line: string) => {
    const parsed = parseContentLine(line);
    if (!parsed) return null;
    if (parsed.name === "BEGIN" && parsed.value.trim().toUpperCase() === "VCARD") {
      card = [];
      size = 0;
      return null;
    }
    if (parsed.name === "END" && parsed.value.trim().toUpperCase() === "VCARD" && card) {
      const row = cardToRow(card);
      card = null;
      return row;
    }
    if (card) {
      size += line.length;
      if (size > MAX_CARD_CHARS) throw new VcardError("a card of the vCard file is too large (or lacks END:VCARD)");
      (card as ContentLine[]).push(parsed);
    }
    return null;
  };
  for await (const raw of linesOf(text)) {
    if (pending !== null && (raw.startsWith(" ") || raw.startsWith("\t"))) {
      pending += raw.slice(1);
      continue;
    }
    if (pending !== null && continuesQuotedPrintable(pending)) {
      pending = pending.slice(0, -1) + raw.trimStart();
      continue;
    }
    if (pending !== null) {
      const row = take(pending);
      if (row) yield row;
    }
    pending = raw;
  }
  if (pending !== null) {
    const row = take(pending);
    if (row) yield row;
  }
}

/**
 * PostgreSQL's `COPY … (FORMAT csv)` ends records with LF; RFC 4180 (and the files Rapport
 * has always written) end them with CRLF. Line breaks inside quoted cells are data and stay
 * as stored. This rewrites record ends chunk by chunk, carrying whether a chunk ended inside
 * quotes, and counts the records (progress bars).
 */
export type RecordEnds = { inQuotes: boolean };

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from("\r\n");

export function crlfRecords(chunk: Buffer, state: RecordEnds): { bytes: Buffer; records: number } {
  const parts: Buffer[] = [];
  let inQuotes = state.inQuotes;
  let start = 0;
  let records = 0;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) {
      parts.push(chunk.subarray(start, i), CRLF);
      start = i + 1;
      records++;
    }
  }
  state.inQuotes = inQuotes;
  if (records === 0) return { bytes: chunk, records };
  if (start < chunk.length) parts.push(chunk.subarray(start));
  return { bytes: Buffer.concat(parts), records };
}

/** A piece of text, marked when the search matched it. */
export type TextSegment = { text: string; marked: boolean };

/**
 * Cuts `text` at the [start, end) ranges (UTF-16 offsets, as the search API sends them) into
 * plain and marked pieces. Ranges out of bounds are clipped, overlapping ones merged, so a
 * bad range can never drop or repeat characters.
 */
export function splitByRanges(text: string, ranges: readonly (readonly [number, number])[]): TextSegment[] {
  const clipped = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of clipped) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) segments.push({ text: text.slice(at, s), marked: false });
    segments.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

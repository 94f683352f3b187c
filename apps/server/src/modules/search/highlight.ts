import { foldChar, isAscii } from "./tokenize.js";

/**
 * Ranges [start, end) in `value` (original characters) where a word starts with one of
 * the folded `terms`: "Zoë" is highlighted for the query "zoe".
 */
export function highlightRanges(value: string, terms: string[]): [number, number][] {
  // Folded text with, for each folded character, the index of its original character.
  const { folded, origin } = foldWithOrigin(value);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      const boundary = at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1] ?? "");
      if (boundary) {
        const start = origin[at] ?? 0;
        const endIdx = at + term.length;
        // Extend to the end of the original character that produced the last folded one.
        const lastOrigin = origin[endIdx - 1] ?? start;
        const end = lastOrigin + ((value.codePointAt(lastOrigin) ?? 0) > 0xffff ? 2 : 1);
        ranges.push([start, end]);
      }
      from = at + 1;
    }
  }
  return mergeRanges(ranges);
}

function foldWithOrigin(value: string): { folded: string; origin: number[] } {
  const origin: number[] = [];
  if (isAscii(value)) {
    // ASCII folds character for character (the common case, no per-character folding).
    for (let i = 0; i <= value.length; i++) origin.push(i);
    return { folded: value.toLowerCase(), origin };
  }
  let folded = "";
  let offset = 0;
  for (const ch of value) {
    const f = foldChar(ch);
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += ch.length;
  }
  origin.push(offset);
  return { folded, origin };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

import { describe, expect, it } from "vitest";
import { splitByRanges } from "./highlight-ranges";

describe("splitByRanges", () => {
  it("marks the matched parts", () => {
    expect(splitByRanges("Anna Albrecht", [[0, 4]])).toEqual([
      { text: "Anna", marked: true },
      { text: " Albrecht", marked: false },
    ]);
  });

  it("merges overlaps, clips out-of-range ranges and keeps every character once", () => {
    const segments = splitByRanges("Zoë Xu", [
      [4, 99],
      [0, 2],
      [1, 3],
      [-5, -1],
    ]);
    expect(segments).toEqual([
      { text: "Zoë", marked: true },
      { text: " ", marked: false },
      { text: "Xu", marked: true },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("Zoë Xu");
  });

  it("returns the text unmarked without ranges", () => {
    expect(splitByRanges("plain", [])).toEqual([{ text: "plain", marked: false }]);
    expect(splitByRanges("", [[0, 1]])).toEqual([]);
  });
});

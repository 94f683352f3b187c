import type { SearchHit } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { searchResults } from "./search-results";

const hit = (highlights: SearchHit["highlights"]): SearchHit => ({
  type: "contact",
  id: "01a2135e-bef3-710f-8961-1b22e893ff5c",
  title: "Anna Albrecht",
  subtitle: "CFO · Borealis Machining",
  score: 1,
  highlights,
});

describe("searchResults", () => {
  it("marks the name and keeps the subtitle when the name matched", () => {
    const [result] = searchResults([
      hit([
        { field: "name", value: "Anna Albrecht", ranges: [[0, 4]] },
        { field: "email", value: "anna@x.example", ranges: [[0, 4]] },
      ]),
    ]);
    expect(result).toEqual({
      id: "01a2135e-bef3-710f-8961-1b22e893ff5c",
      label: "Anna Albrecht",
      labelRanges: [[0, 4]],
      description: "CFO · Borealis Machining",
      path: "/people/01a2135e-bef3-710f-8961-1b22e893ff5c",
    });
  });

  it("shows the matched field when the name did not match", () => {
    const [result] = searchResults([hit([{ field: "phone", value: "+49302000000", ranges: [[3, 12]] }])]);
    expect(result?.description).toBe("+49302000000");
    expect(result?.descriptionRanges).toEqual([[3, 12]]);
    expect(result?.labelRanges).toBeUndefined();
  });
});

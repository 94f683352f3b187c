import { describe, expect, it } from "vitest";
import { PostingCounts } from "./posting-counts.js";

describe("posting counts", () => {
  it("reports tokens never counted or counted too long ago", () => {
    const c = new PostingCounts(1_000);
    c.set("marie", 9_000, 0);
    c.set("cortes", 1_000, 500);
    expect(c.missing(["marie", "cortes", "new", "new"], 900)).toEqual(["new"]);
    expect(c.missing(["marie", "cortes"], 1_200)).toEqual(["marie"]);
  });

  it("sums the postings of a word's spellings, unknown ones as none", () => {
    const c = new PostingCounts();
    c.set("cortes", 1_000, 0);
    c.set("cortez", 200, 0);
    expect(c.total(["cortse", "cortes", "cortez"])).toBe(1_200);
  });

  it("starts afresh when it holds too many tokens", () => {
    const c = new PostingCounts(60_000, 2);
    c.set("a", 1, 0);
    c.set("b", 2, 0);
    c.set("c", 3, 0);
    expect(c.missing(["a", "b", "c"], 0)).toEqual(["a", "b"]);
  });
});

import { describe, expect, it } from "vitest";
import { highlightRanges } from "./highlight.js";
import { prefixEnd } from "./search.service.js";
import { emailTokens, fold, phoneTokens, uniqueTokens, words } from "./tokenize.js";

describe("folding", () => {
  it("removes case, accents and special letters", () => {
    expect(fold("Zoë Ångström-Straße")).toBe("zoe angstrom-strasse");
    expect(words("Jean-Luc O'Brien")).toEqual(["jean", "luc", "o", "brien"]);
    expect(fold("Łukasz Øster")).toBe("lukasz oster");
  });
});

describe("tokens", () => {
  it("indexes an email whole, by local words and by domain", () => {
    expect(emailTokens("John.Smith+crm@Acme.example").map((t) => `${t.field}:${t.token}`)).toEqual([
      "e:john.smith+crm@acme.example",
      "e:john",
      "e:smith",
      "e:crm",
      "d:acme.example",
    ]);
  });
  it("indexes phones by all digits and national number", () => {
    expect(phoneTokens("+49301234567", "301234567").map((t) => t.token)).toEqual(["49301234567", "301234567"]);
  });
  it("deduplicates", () => {
    expect(
      uniqueTokens([
        { token: "a", field: "n" },
        { token: "a", field: "n" },
        { token: "", field: "n" },
      ]),
    ).toHaveLength(1);
  });
});

describe("highlightRanges", () => {
  it("marks word prefixes in the original text, across accents", () => {
    expect(highlightRanges("Zoë Smith", ["zoe"])).toEqual([[0, 3]]);
    expect(highlightRanges("John Smithson", ["smith"])).toEqual([[5, 10]]);
    expect(highlightRanges("Straße", ["strass"])).toEqual([[0, 5]]);
  });
  it("ignores matches inside words and merges overlaps", () => {
    expect(highlightRanges("Blacksmith", ["smith"])).toEqual([]);
    expect(highlightRanges("Anna Annabel", ["ann", "anna"])).toEqual([
      [0, 4],
      [5, 9],
    ]);
  });
});

describe("prefix ranges", () => {
  it("end just above every string with the prefix, in code point order", () => {
    expect(prefixEnd("acme.ex")).toBe("acme.ey");
    expect(prefixEnd("15551")).toBe("15552");
    expect(prefixEnd("zoë")).toBe("zoì");
    expect(prefixEnd("a\u{d7ff}")).toBe("a\u{e000}");
    expect(prefixEnd("a\u{10ffff}")).toBeUndefined();
    for (const s of ["acme.ex", "acme.example", "acme.exz\u{10fffe}"]) expect(s < (prefixEnd("acme.ex") as string)).toBe(true);
    expect("acme.ey" < (prefixEnd("acme.ex") as string)).toBe(false);
  });
});

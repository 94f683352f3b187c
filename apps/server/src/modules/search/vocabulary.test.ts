import { describe, expect, it } from "vitest";
import { boundedEditDistance, editDistance, sameLetters, trigramSimilarity, Vocabulary } from "./vocabulary.js";

const names = ["john", "johanna", "johnson", "jon", "joan", "smith", "smyth", "schmidt", "mary", "marie", "maria", "mario", "cortes"];

describe("vocabulary", () => {
  it("knows its words exactly", () => {
    const v = new Vocabulary(names);
    expect(v.has("john")).toBe(true);
    expect(v.has("joh")).toBe(false);
    expect(v.size).toBe(names.length);
  });

  it("lists prefixes shortest first, then alphabetically, up to the limit", () => {
    const v = new Vocabulary(names);
    expect(v.prefixes("joh", 50)).toEqual(["john", "johanna", "johnson"]);
    expect(v.prefixes("jo", 3)).toEqual(["jon", "joan", "john"]);
    expect(v.prefixes("x", 5)).toEqual([]);
  });

  it("finds near spellings: within one edit up to four letters, two beyond, and transpositions", () => {
    const v = new Vocabulary(names);
    expect(v.near("jonh")).toContain("john");
    expect(v.near("smiht")).toEqual(expect.arrayContaining(["smith"]));
    expect(v.near("smiht")[0]).toBe("smith");
    expect(v.near("marei")).toEqual(expect.arrayContaining(["marie", "maria", "mario"]));
    // Closest first; equally close words by trigram similarity (as the SQL it replaces ordered them).
    expect(v.near("marei")).toEqual(["mary", "maria", "marie", "mario"]);
    // Up to four letters allow one edit: "smi" → "smith" is two, "jonn" → "john" one.
    expect(v.near("smi")).toEqual([]);
    expect(v.near("jonn")).toEqual(["jon", "joan", "john"]);
    expect(v.near("xyzzy")).toEqual([]);
    expect(v.near("jo")).toEqual([]);
  });

  it("caps near spellings at the limit, closest first", () => {
    const v = new Vocabulary(["mara", "marb", "marc", "mard", "mare", "marf", "marg", "marh", "mari", "marj"]);
    expect(v.near("marx", 3)).toEqual(["mara", "marb", "marc"]);
  });

  it("learns words added after it was loaded", () => {
    const v = new Vocabulary(names);
    v.add(["johnathan", "john", "smiths"]);
    expect(v.size).toBe(names.length + 2);
    expect(v.prefixes("john", 50)).toEqual(["john", "johnson", "johnathan"]);
    expect(v.near("smitsh")).toContain("smiths");
  });
});

describe("spelling distances", () => {
  it("computes Levenshtein distance, stopping early past the bound", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 1)).toBe(2);
    expect(boundedEditDistance("a", "abcdef", 2)).toBe(3);
    expect(boundedEditDistance("smith", "smiht", 3)).toBe(2);
  });

  it("compares letters and trigrams like pg_trgm", () => {
    expect(sameLetters("jonh", "john")).toBe(true);
    expect(sameLetters("jonh", "joan")).toBe(false);
    expect(trigramSimilarity("word", "word")).toBe(1);
    // As pg_trgm: similarity('word', 'words') = 4 shared of 7 trigrams.
    expect(trigramSimilarity("word", "words")).toBeCloseTo(4 / 7, 5);
    expect(trigramSimilarity("abc", "xyz")).toBe(0);
  });
});

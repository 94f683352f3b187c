import { describe, expect, it } from "vitest";
import { boundedEditDistance, editDistance, trigramSimilarity, Vocabulary } from "./vocabulary.js";

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

  const near = (v: Vocabulary, word: string, limit?: number) => v.near(word, limit).map((n) => `${n.token}:${n.distance}`);

  it("finds near spellings: within one edit up to four letters, two beyond; a swap is one edit", () => {
    const v = new Vocabulary(names);
    expect(near(v, "jonh")).toEqual(["jon:1", "john:1"]);
    expect(near(v, "smiht")).toEqual(["smith:1", "smyth:2"]);
    // Closest first, then by trigram similarity (as the SQL it replaces ordered them).
    expect(near(v, "marei")).toEqual(["marie:1", "mary:2", "maria:2", "mario:2"]);
    // Up to four letters allow one edit: "smi" → "smith" is two.
    expect(near(v, "smi")).toEqual([]);
    expect(near(v, "xyzzy")).toEqual([]);
    expect(near(v, "jo")).toEqual([]);
  });

  it("caps near spellings at the limit, closest first", () => {
    const v = new Vocabulary(["mara", "marb", "marc", "mard", "mare", "marf", "marg", "marh", "mari", "marj"]);
    expect(near(v, "marx", 3)).toEqual(["mara:1", "marb:1", "marc:1"]);
  });

  it("learns words added after it was loaded", () => {
    const v = new Vocabulary(names);
    v.add(["johnathan", "john", "smiths"]);
    expect(v.size).toBe(names.length + 2);
    expect(v.prefixes("john", 50)).toEqual(["john", "johnson", "johnathan"]);
    expect(near(v, "smitsh")).toContain("smiths:1");
  });
});

describe("spelling distances", () => {
  it("computes edit distance with transpositions, stopping early past the bound", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("jonh", "john")).toBe(1);
    expect(editDistance("ca", "abc")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 1)).toBe(2);
    expect(boundedEditDistance("a", "abcdef", 2)).toBe(3);
    expect(boundedEditDistance("smith", "smiht", 3)).toBe(1);
    expect(boundedEditDistance("marei", "maria", 1)).toBe(2);
  });

  it("compares trigrams like pg_trgm", () => {
    expect(trigramSimilarity("word", "word")).toBe(1);
    // As pg_trgm: similarity('word', 'words') = 4 shared of 7 trigrams.
    expect(trigramSimilarity("word", "words")).toBeCloseTo(4 / 7, 5);
    expect(trigramSimilarity("abc", "xyz")).toBe(0);
  });
});

describe("near spellings, pre-filtered by letters", () => {
  it("finds exactly the words a full edit-distance scan finds", () => {
    const letters = "aeilnorst";
    const all: string[] = [];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let i = 0; i < 3_000; i++) {
      const len = 3 + (next() % 6);
      let w = "";
      for (let j = 0; j < len; j++) w += letters[next() % letters.length];
      all.push(w);
    }
    const vocabulary = new Vocabulary(all);
    for (const q of ["stone", "tiles", "rosa", "elnora", "snail", "tsar"]) {
      const k = q.length <= 4 ? 1 : 2;
      const brute = [...new Set(all)].filter((t) => t !== q && boundedEditDistance(t, q, k) <= k).sort();
      expect(
        vocabulary
          .near(q, 10_000)
          .map((n) => n.token)
          .sort(),
      ).toEqual(brute);
    }
  });
});

import { describe, expect, it } from "vitest";
import { pairOfWords, type WordMatch } from "./search.service.js";
import { emailTokens, nameTokens, phoneTokens, tagTokens, uniqueTokens } from "./tokenize.js";
import { codePointCompare, MAX_PAIR_WORDS, pairToken, wordPairTokens } from "./word-pairs.js";

const show = (tokens: { token: string; field: string }[]) =>
  tokens.map((t) => `${t.field}:${t.token.replace("\u0001", "^").replace("\u0002", "~")}`);

describe("word pair tokens", () => {
  it("pair every two distinct name and email words, not addresses, phones, domains or tags", () => {
    const tokens = uniqueTokens([
      ...nameTokens("Marie", "Cortes"),
      ...emailTokens("marie.cortes7@work.example"),
      ...phoneTokens("+15550001"),
      ...tagTokens(["vip"]),
    ]);
    expect(show(wordPairTokens(tokens))).toEqual(["w:^cortes marie", "w:^cortes7 marie", "w:^cortes cortes7"]);
  });

  it("are the same whichever order the words come in", () => {
    expect(pairToken("b", "a")).toBe(pairToken("a", "b"));
    expect(pairToken("a", "b")).toBe("\u0001a b");
  });

  it("give a record with too many words its words as long-record tokens instead", () => {
    const many = Array.from({ length: MAX_PAIR_WORDS + 1 }, (_, i) => `w${String.fromCharCode(97 + i)}`);
    const out = wordPairTokens(uniqueTokens(nameTokens(many.join(" "))));
    expect(out).toHaveLength(MAX_PAIR_WORDS + 1);
    expect(show(out)[0]).toBe("l:~wa");
    const limit = wordPairTokens(uniqueTokens(nameTokens(many.slice(0, MAX_PAIR_WORDS).join(" "))));
    expect(limit).toHaveLength((MAX_PAIR_WORDS * (MAX_PAIR_WORDS - 1)) / 2);
    expect(limit.every((t) => t.field === "w")).toBe(true);
  });

  it("order words by code point, as the token column does", () => {
    // U+1F600 is above U+FFFD by code point, below it by UTF-16 code unit.
    expect(codePointCompare("\u{1F600}", "\uFFFD")).toBeGreaterThan(0);
    expect("\u{1F600}" < "\uFFFD").toBe(true);
    expect(codePointCompare("ab", "abc")).toBeLessThan(0);
    expect(codePointCompare("abc", "abc")).toBe(0);
    expect(pairToken("\uFFFD", "\u{1F600}")).toBe("\u0001\uFFFD \u{1F600}");
  });
});

const match = (word: string, extra: Partial<WordMatch> = {}): WordMatch => ({
  word,
  exact: true,
  prefixes: [word],
  fuzzy: [],
  wider: [],
  ...extra,
});

describe("the two words a query looks up by pairs", () => {
  it("takes the two words with the fewest pair lookups", () => {
    const pair = pairOfWords([match("cor", { prefixes: ["cor", "cora", "cortes"] }), match("marie"), match("smith")]);
    expect(pair).toEqual({ a: ["marie"], b: ["smith"] });
  });

  it("takes no word that could be a phone number, nor words sharing a spelling", () => {
    expect(pairOfWords([match("marie"), match("2024")])).toBeUndefined();
    expect(pairOfWords([match("quennell"), match("quennell", { prefixes: ["quennell", "quennells"] })])).toBeUndefined();
    expect(pairOfWords([match("quennell"), match("orla"), match("quennell")])).toEqual({ a: ["quennell"], b: ["orla"] });
  });

  it("gives up beyond 64 pair lookups", () => {
    const wide = match("a", { exact: false, prefixes: Array.from({ length: 50 }, (_, i) => `a${i}x`) });
    expect(pairOfWords([wide, match("bo", { fuzzy: ["bob"] })])).toBeUndefined();
    expect(pairOfWords([wide, match("bob")])).toBeDefined();
  });
});

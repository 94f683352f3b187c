import { describe, expect, it } from "vitest";
import { firstSharedKey, pairsToScore } from "./block-pairs.rules.js";

const m = (id: string, ...keys: string[]) => ({ id, keys });

describe("pairs of a block", () => {
  it("finds the smallest shared key", () => {
    expect(firstSharedKey(["n:SM0:JN", "e:a@x", "p:+1"], ["p:+1", "n:SM0:JN"])).toBe("n:SM0:JN");
    expect(firstSharedKey(["e:a@x"], ["e:b@x"])).toBeUndefined();
  });
  it("scores every pair of a block once, smaller id first", () => {
    const pairs = pairsToScore("n:A", [m("3", "n:A"), m("1", "n:A"), m("2", "n:A")]);
    expect(pairs.map(([a, b]) => `${a.id}${b.id}`)).toEqual(["13", "23", "12"]);
  });
  it("scores two people sharing several blocks only in the block of their smallest shared key", () => {
    const a = m("1", "e:a@x", "n:A");
    const b = m("2", "e:a@x", "n:A");
    const c = m("3", "n:A");
    expect(pairsToScore("e:a@x", [a, b]).map(([x, y]) => x.id + y.id)).toEqual(["12"]);
    expect(pairsToScore("n:A", [a, b, c]).map(([x, y]) => x.id + y.id)).toEqual(["13", "23"]);
  });
});

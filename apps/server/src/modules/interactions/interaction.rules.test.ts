import { describe, expect, it } from "vitest";
import { mentionMarkup, parseMentions, parseTypes } from "./interaction.rules.js";

const A = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const B = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

describe("mentions", () => {
  it("finds each mentioned user once, in order", () => {
    const body = `Hi @[Ana Lima](user:${A}), see @[Bo](user:${B.toUpperCase()}) — thanks @[Ana](user:${A})`;
    expect(parseMentions(body)).toEqual([A, B]);
  });

  it("ignores plain @names, broken markup and non-uuid targets", () => {
    expect(parseMentions(`mail @ana or @[Ana](user:123) or @[Ana](contact:${A}) or @[A\nna](user:${A})`)).toEqual([]);
    expect(parseMentions(null)).toEqual([]);
  });

  it("round-trips the markup the composer writes, whatever the name holds", () => {
    expect(parseMentions(`x ${mentionMarkup("O'Brien [Sales]", A)} y`)).toEqual([A]);
    expect(mentionMarkup("Ana", A)).toBe(`@[Ana](user:${A})`);
  });
});

describe("timeline type filter", () => {
  it("accepts known types and reports unknown ones", () => {
    expect(parseTypes("call, meeting,call")).toEqual({ types: ["call", "meeting"], unknown: [] });
    expect(parseTypes("call,fax").unknown).toEqual(["fax"]);
    expect(parseTypes(undefined).types).toBeUndefined();
    expect(parseTypes("").types).toBeUndefined();
  });
});

import pg from "pg";
import { describe, expect, it } from "vitest";
import { isoFromTimestamptz, jsonColumnJson, textArrayJson, timestampJson } from "./pg-text.js";

/** What the list wrote before decision 0032: pg's parsers, then JSON.stringify. */
const parsed = (oid: number, text: string) =>
  (pg.types.getTypeParser(oid as Parameters<typeof pg.types.getTypeParser>[0]) as (t: string) => unknown)(text);

/** PostgreSQL's array_out for text[]: quotes what must be quoted, backslash-escapes `"` and `\`. */
function arrayLiteral(values: (string | null)[]): string {
  const quote = (v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `{${values.map((v) => (v === null ? "NULL" : v === "" || /[{},"\\\s]/.test(v) || v.toUpperCase() === "NULL" ? quote(v) : v)).join(",")}}`;
}

describe("pg text to JSON (decision 0032)", () => {
  it("writes a UTC timestamptz as Date#toISOString of pg's parse, for every fraction length", () => {
    for (const text of [
      "2026-11-29 12:34:56+00",
      "2026-11-29 12:34:56.1+00",
      "2026-11-29 12:34:56.12+00",
      "2026-11-29 12:34:56.123+00",
      "2026-11-29 12:34:56.1234+00",
      "2026-11-29 12:34:56.123456+00",
      "2026-11-29 23:59:59.999999+00",
      "1970-01-01 00:00:00+00",
      "9999-12-31 23:59:59.999999+00",
      "2024-02-29 00:00:00.000001+00",
    ]) {
      expect(isoFromTimestamptz(text)).toBe((parsed(1184, text) as Date).toISOString());
    }
    // Every millisecond fraction cut like pg's parser (1000 × parseFloat, truncated).
    for (let f = 0; f < 1_000_000; f += 997) {
      const text = `2026-11-29 01:02:03.${String(f).padStart(6, "0")}+00`;
      expect(isoFromTimestamptz(text)).toBe((parsed(1184, text) as Date).toISOString());
    }
  });

  it("leaves other time zones, early years and BC dates to pg's parser", () => {
    for (const text of [
      "2026-11-29 12:34:56.789+01",
      "2026-11-29 12:34:56-05:30",
      "2026-11-29 12:34:56+05:45",
      "0999-01-01 00:00:00+00",
      "0050-06-01 12:00:00+00",
      "0044-03-15 12:00:00+00 BC",
    ]) {
      expect(isoFromTimestamptz(text)).toBe((parsed(1184, text) as Date).toISOString());
    }
    expect(timestampJson(null)).toBe("null");
    expect(timestampJson("2026-11-29 12:34:56.5+00")).toBe('"2026-11-29T12:34:56.500Z"');
  });

  it("writes a text[] as JSON.stringify of pg's parse, whatever the elements hold", () => {
    const cases: (string | null)[][] = [
      [],
      ["a"],
      ["a", "b", "c"],
      [""],
      ["", ""],
      [null],
      ["a", null, "b"],
      ["NULL", "null", "Null"],
      ["with space", " lead", "trail "],
      ["comma,inside", "{brace}", "}", "{"],
      ['quote "inside"', '"', '""'],
      ["back\\slash", "\\", "\\\\", 'both \\"'],
      ["tab\there", "new\nline", "cr\rx", "\u0001\u001f"],
      ["ünïcode", "東京", "😀", "𝄞", "\u2028"],
      ["+4930123456", "a@example.com"],
    ];
    for (const values of cases) {
      const text = arrayLiteral(values);
      expect(parsed(1009, text)).toEqual(values);
      expect(textArrayJson(text)).toBe(JSON.stringify(values));
    }
    expect(textArrayJson(null)).toBe("null");
    // Forms outside the fast path: another lower bound, nested arrays.
    for (const text of ["[0:1]={a,b}", "{{a,b},{c,d}}"]) expect(textArrayJson(text)).toBe(JSON.stringify(parsed(1009, text)));
  });

  it("writes json and jsonb text without the spaces PostgreSQL puts in", () => {
    const text = '[{"city": "Köln", "label": "Home", "street": "Straße 1\\nHof"}, {"n": 1.5e3, "x": null, "t": true}]';
    expect(jsonColumnJson(text)).toBe(JSON.stringify(JSON.parse(text)));
    expect(jsonColumnJson(null)).toBe("null");
    for (const empty of ["[]", "{}"]) expect(jsonColumnJson(empty)).toBe(JSON.stringify(JSON.parse(empty)));
  });
});

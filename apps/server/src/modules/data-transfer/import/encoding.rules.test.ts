import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectDelimiter, detectEncoding, Utf8Check } from "./encoding.rules.js";

const check = (bytes: Buffer, chunk = 3) => {
  const c = new Utf8Check();
  for (let i = 0; i < bytes.length; i += chunk) c.push(bytes.subarray(i, i + chunk));
  return c.valid();
};

describe("encoding detection", () => {
  it("reads byte order marks", () => {
    expect(detectEncoding(Buffer.from("\uFEFFa,b", "utf8"), true)).toBe("utf-8-bom");
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b", "utf16le")]), false)).toBe("utf-16le");
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61, 0, 0x2c]), false)).toBe("utf-16be");
  });

  it("tells UTF-16 without a mark, UTF-8 and Latin-1 apart", () => {
    expect(detectEncoding(Buffer.from("name,email\nAna,a@x.io\n", "utf16le"), false)).toBe("utf-16le");
    const utf8 = Buffer.from("name\nMüller\n", "utf8");
    expect(detectEncoding(utf8, check(utf8))).toBe("utf-8");
    const latin1 = iconv.encode("name\nMüller\n", "latin1");
    expect(check(latin1)).toBe(false);
    expect(detectEncoding(latin1, check(latin1))).toBe("windows-1252");
  });

  it("validates UTF-8 across chunk boundaries, and rejects a cut-off character at the end", () => {
    expect(check(Buffer.from("ääää€€", "utf8"), 1)).toBe(true);
    expect(check(Buffer.from([0x61, 0xc3]))).toBe(false);
  });
});

describe("delimiter detection", () => {
  it("finds the delimiter that splits lines consistently", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter('Name;Email;Note\nAna;a@x.io;"x, y, z"\nBo;b@x.io;"1, 2"\n')).toBe(";");
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(detectDelimiter("a|b|c\n1|2|3\n4|5|6")).toBe("|");
    expect(detectDelimiter("single\nvalue\n")).toBe(",");
    expect(detectDelimiter("a;b\n")).toBe(";");
  });

  it("ignores delimiters inside quoted fields, also across lines", () => {
    expect(detectDelimiter('a;b\n"x,\n,y";2\n"p,q";3\n')).toBe(";");
  });
});

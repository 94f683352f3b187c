import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { docx, odt, oleOf, pdf, png, xlsx, zipOf } from "../../test/files.js";
import { CONTENT_TYPES, classify, FileSampler } from "./file-type.rules.js";

async function sniff(bytes: Buffer, filename = "upload.bin", chunk = 7) {
  const sampler = new FileSampler();
  const chunks = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  await pipeline(Readable.from(chunks), sampler, new Writable({ write: (_c, _e, cb) => cb() }));
  return classify(sampler.sample(), filename);
}

describe("file types by content", () => {
  it("recognises the allowed families whatever the name says", async () => {
    expect(await sniff(pdf(), "x.exe")).toBe(CONTENT_TYPES.pdf);
    expect(await sniff(png())).toBe(CONTENT_TYPES.png);
    expect(await sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).toBe(CONTENT_TYPES.jpeg);
    expect(await sniff(Buffer.from("GIF89a......"))).toBe(CONTENT_TYPES.gif);
    expect(await sniff(Buffer.concat([Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"), Buffer.alloc(8)]))).toBe(CONTENT_TYPES.webp);
    expect(await sniff(docx())).toBe(CONTENT_TYPES.docx);
    expect(await sniff(xlsx())).toBe(CONTENT_TYPES.xlsx);
    expect(await sniff(odt())).toBe(CONTENT_TYPES.odt);
    expect(await sniff(oleOf("WordDocument"))).toBe(CONTENT_TYPES.doc);
    expect(await sniff(oleOf("Workbook"))).toBe(CONTENT_TYPES.xls);
  });

  it("reads UTF-8 text as plain text or CSV by the extension, even split inside a character", async () => {
    expect(await sniff(Buffer.from("name,city\nZoë,Kraków\n"), "people.csv", 3)).toBe(CONTENT_TYPES.csv);
    expect(await sniff(Buffer.from("Grüße — 你好\r\n\tok"), "notes", 1)).toBe(CONTENT_TYPES.txt);
  });

  it("rejects executables, scripts in binary, plain zips, invalid UTF-8 and empty files", async () => {
    expect(await sniff(Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), "report.pdf")).toBeUndefined();
    expect(await sniff(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), "a.txt")).toBeUndefined();
    expect(await sniff(zipOf([["evil.js", "alert(1)"]]), "a.docx")).toBeUndefined();
    expect(await sniff(Buffer.from([0x68, 0x69, 0xc3, 0x28]), "a.txt")).toBeUndefined();
    expect(await sniff(Buffer.from("abc\x00def", "latin1"), "a.txt")).toBeUndefined();
    expect(await sniff(Buffer.alloc(0), "a.txt")).toBeUndefined();
    expect(await sniff(oleOf("Something"), "a.msi")).toBeUndefined();
  });

  it("finds an office zip's parts from its central directory when they are past the first bytes", async () => {
    const big = zipOf([
      ["[Content_Types].xml", "<Types/>"],
      ["word/media/padding.bin", "x".repeat(200_000)],
      ["word/document.xml", "<w:document/>"],
    ]);
    expect(await sniff(big, "a.docx", 16_384)).toBe(CONTENT_TYPES.docx);
  });
});

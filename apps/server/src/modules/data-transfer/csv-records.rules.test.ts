import { describe, expect, it } from "vitest";
import { crlfRecords, type RecordEnds } from "./csv-records.rules.js";

function rewrite(chunks: string[]) {
  const state: RecordEnds = { inQuotes: false };
  let out = "";
  let records = 0;
  for (const c of chunks) {
    const r = crlfRecords(Buffer.from(c), state);
    out += r.bytes.toString();
    records += r.records;
  }
  return { out, records };
}

describe("crlfRecords", () => {
  it("ends records with CRLF and keeps line breaks inside quoted cells", () => {
    expect(rewrite(['a,"b\nc",d\n', 'e,"say ""hi""\n",f\n'])).toEqual({ out: 'a,"b\nc",d\r\ne,"say ""hi""\n",f\r\n', records: 2 });
  });

  it("carries the quote state across chunks split anywhere", () => {
    const text = 'x,"1\n2"\n"",y\n"a""\nb",z\n';
    const want = 'x,"1\n2"\r\n"",y\r\n"a""\nb",z\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      for (let cut2 = cut; cut2 <= text.length; cut2 += 3) {
        expect(rewrite([text.slice(0, cut), text.slice(cut, cut2), text.slice(cut2)]), `${cut} ${cut2}`).toEqual({ out: want, records: 3 });
      }
    }
  });

  it("leaves a chunk without a record end as it is", () => {
    expect(rewrite(["abc"])).toEqual({ out: "abc", records: 0 });
  });
});

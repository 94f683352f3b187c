import { describe, expect, it } from "vitest";
import { joinMulti, neutraliseCell, restoreCell, splitMulti } from "./csv-cells.rules.js";

describe("formula neutralisation", () => {
  it("prefixes cells a spreadsheet would run as formulas", () => {
    expect(neutraliseCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(neutraliseCell("+4930123")).toBe("'+4930123");
    expect(neutraliseCell("-1")).toBe("'-1");
    expect(neutraliseCell("@cmd")).toBe("'@cmd");
    expect(neutraliseCell("\tx")).toBe("'\tx");
    expect(neutraliseCell("\rx")).toBe("'\rx");
    expect(neutraliseCell("Ana")).toBe("Ana");
    expect(neutraliseCell("'quoted")).toBe("'quoted");
    expect(neutraliseCell("")).toBe("");
  });

  it("reads every value back exactly, including values that start with apostrophes", () => {
    for (const v of ["=1+2", "'=1+2", "''@x", "'", "''", "'hello", "plain", "a=b", "-", "+", "\n=x", "@", " =x"]) {
      expect(restoreCell(neutraliseCell(v)), JSON.stringify(v)).toBe(v);
    }
  });

  it("strips the prefix that other tools write before formula characters only", () => {
    expect(restoreCell("'+49 30 123")).toBe("+49 30 123");
    expect(restoreCell("'O'Brien")).toBe("'O'Brien");
  });
});

describe("multi-valued cells", () => {
  it("join with '; ' and split back, dropping empty parts", () => {
    expect(joinMulti(["a@x.io", "b@x.io"])).toBe("a@x.io; b@x.io");
    expect(splitMulti("a@x.io; b@x.io;;  c@x.io ")).toEqual(["a@x.io", "b@x.io", "c@x.io"]);
    expect(splitMulti("")).toEqual([]);
  });
});

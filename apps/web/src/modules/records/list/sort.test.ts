import { describe, expect, it } from "vitest";
import { formatSort, parseSort, sortStateOf, toggleSort } from "./sort";

describe("parseSort / formatSort", () => {
  it("round-trips the query parameter", () => {
    const keys = parseSort("name, -createdAt");
    expect(keys).toEqual([
      { field: "name", desc: false },
      { field: "createdAt", desc: true },
    ]);
    expect(formatSort(keys)).toBe("name,-createdAt");
  });

  it("ignores empty parts and keeps at most four keys", () => {
    expect(parseSort(",a,,-,b,c,d,e").map((k) => k.field)).toEqual(["a", "b", "c", "d"]);
    expect(parseSort(undefined)).toEqual([]);
  });
});

describe("toggleSort", () => {
  const byName = [{ field: "name", desc: false }];

  it("a click sorts by the column alone, a second click flips it", () => {
    expect(toggleSort(byName, "createdAt", false)).toEqual([{ field: "createdAt", desc: false }]);
    expect(toggleSort(byName, "name", false)).toEqual([{ field: "name", desc: true }]);
  });

  it("a click on one of several keys makes it the only one", () => {
    const two = [...byName, { field: "title", desc: true }];
    expect(toggleSort(two, "title", false)).toEqual([{ field: "title", desc: false }]);
  });

  it("shift-click adds, flips, then removes a key", () => {
    const added = toggleSort(byName, "title", true);
    expect(formatSort(added)).toBe("name,title");
    const flipped = toggleSort(added, "title", true);
    expect(formatSort(flipped)).toBe("name,-title");
    expect(formatSort(toggleSort(flipped, "title", true))).toBe("name");
  });

  it("does not add a fifth key", () => {
    const four = parseSort("a,b,c,d");
    expect(toggleSort(four, "e", true)).toBe(four);
  });

  it("reports the state for aria-sort", () => {
    const keys = parseSort("name,-title");
    expect(sortStateOf(keys, "title")).toEqual({ direction: "descending", position: 2 });
    expect(sortStateOf(keys, "email")).toBeNull();
  });
});

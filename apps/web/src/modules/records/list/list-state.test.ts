import type { FieldInfo } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { chunk, differsFromView, listQuery, shownColumns, stateFromView, viewDefinition } from "./list-state";

const field = (key: string, type = "text", extra: Partial<FieldInfo> = {}): FieldInfo => ({
  key,
  label: key,
  type,
  operators: ["eq", "ne", "in", "contains", "isNull"],
  sortable: true,
  custom: key.startsWith("custom."),
  ...extra,
});
const fields = [
  field("name"),
  field("title"),
  field("employees", "number", { operators: ["eq", "gt", "isNull"] }),
  field("custom.tier", "select"),
];

describe("list state and saved views", () => {
  it("starts from a view's definition, or the defaults without one", () => {
    expect(stateFromView(undefined, ["title"])).toEqual({ columns: ["title"], filters: [], sort: "", q: "" });
    const state = stateFromView({ columns: [], filters: [{ field: "title", op: "eq", value: "CEO" }], sort: "-name" }, ["title"]);
    expect(state.columns).toEqual(["title"]);
    expect(state.sort).toBe("-name");
  });

  it("saves only what is set and notices changes", () => {
    const state = { columns: ["title"], filters: [], sort: " ", q: "" };
    expect(viewDefinition(state)).toEqual({ columns: ["title"], filters: [] });
    const saved = viewDefinition(state);
    expect(differsFromView(state, saved, ["title"])).toBe(false);
    expect(differsFromView({ ...state, sort: "name" }, saved, ["title"])).toBe(true);
  });
});

describe("listQuery", () => {
  it("puts each applicable condition in its own filter[field][op] key", () => {
    const query = listQuery(
      {
        columns: [],
        filters: [
          { field: "custom.tier", op: "eq", value: "Gold" },
          { field: "employees", op: "gt", value: "100" },
          { field: "employees", op: "gt", value: "many" },
          { field: "title", op: "in", value: " CEO, ,CFO " },
          { field: "title", op: "isNull", value: "false" },
          { field: "gone", op: "eq", value: "x" },
        ],
        sort: "name,-employees",
        q: " anna ",
      },
      { trash: true, fields, limit: 100 },
    );
    expect(query).toEqual({
      limit: 100,
      sort: "name,-employees",
      q: "anna",
      trash: "true",
      "filter[custom.tier][eq]": ["Gold"],
      "filter[employees][gt]": ["100"],
      "filter[title][in]": ["CEO,CFO"],
      "filter[title][isNull]": ["false"],
    });
  });
});

describe("shownColumns", () => {
  it("puts the name first and drops deleted fields and repeats", () => {
    expect(shownColumns(["title", "custom.gone", "name", "title", "employees"], fields).map((f) => f.key)).toEqual([
      "name",
      "title",
      "employees",
    ]);
  });
});

describe("chunk", () => {
  it("splits into batches", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});

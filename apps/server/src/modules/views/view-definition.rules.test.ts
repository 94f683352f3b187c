import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { FieldDef } from "../../platform/db/list-query/index.js";
import { checkViewDefinition } from "./view-definition.rules.js";

const fields = new Map<string, FieldDef>([
  ["name", { key: "name", label: "Name", type: "text", expr: sql`name`, sortable: true, notNull: true }],
  ["tags", { key: "tags", label: "Tags", type: "text_array", expr: sql`tags`, sortable: false }],
  ["employees", { key: "employees", label: "Employees", type: "number", expr: sql`employees`, sortable: true }],
]);
const def = (d: Partial<Parameters<typeof checkViewDefinition>[0]>) => ({ columns: [], filters: [], ...d });

describe("saved view definitions", () => {
  it("accepts filters and sorts the list endpoint would accept", () => {
    const ok = def({
      filters: [
        { field: "name", op: "startsWith", value: "An" },
        { field: "employees", op: "gte", value: "50" },
      ],
      sort: "-employees,name",
    });
    expect(checkViewDefinition(ok, fields)).toEqual([]);
  });

  it("names every unknown field, operator, bad value and unsortable sort", () => {
    const bad = def({
      filters: [
        { field: "password", op: "eq", value: "x" },
        { field: "tags", op: "startsWith", value: "x" },
        { field: "employees", op: "gt", value: "many" },
        { field: "name]; DROP", op: "eq", value: "x" },
      ],
      sort: "tags",
    });
    expect(checkViewDefinition(bad, fields).map((e) => e.path)).toEqual([
      "body.definition.filters.0",
      "body.definition.filters.1",
      "body.definition.filters.2",
      "body.definition.filters.3",
      "body.definition.sort",
    ]);
  });
});

import type { FieldInfo } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { choiceOf, describeFilter, filterProblem, newFilter, operatorChoices, valueInputFor, withChoice } from "./filters";

const stage: FieldInfo = {
  key: "lifecycleStage",
  label: "Lifecycle stage",
  type: "select",
  operators: ["eq", "ne", "in", "isNull"],
  sortable: true,
  options: ["lead", "customer"],
  custom: false,
};
const created: FieldInfo = {
  key: "createdAt",
  label: "Created",
  type: "datetime",
  operators: ["eq", "lt", "gt", "isNull"],
  sortable: true,
  custom: false,
};
const owner: FieldInfo = { key: "ownerId", label: "Owner", type: "uuid", operators: ["eq", "in", "isNull"], sortable: true, custom: false };
const employees: FieldInfo = {
  key: "employees",
  label: "Employees",
  type: "number",
  operators: ["eq", "gt"],
  sortable: true,
  custom: false,
};

describe("operators", () => {
  it("splits isNull into 'is empty' and 'is not empty' and names dates by time", () => {
    expect(operatorChoices(created).map((c) => c.label)).toEqual(["is on", "is before", "is after", "is empty", "is not empty"]);
    const empty = withChoice(newFilter(created), "isNotEmpty");
    expect(empty).toEqual({ field: "createdAt", op: "isNull", value: "false" });
    expect(choiceOf(empty)).toBe("isNotEmpty");
  });

  it("keeps the value when it still fits", () => {
    const list = { field: "lifecycleStage", op: "in", value: "lead,customer" };
    expect(withChoice(list, "eq")).toEqual({ field: "lifecycleStage", op: "eq", value: "lead" });
    expect(withChoice({ field: "lifecycleStage", op: "eq", value: "lead" }, "in").value).toBe("lead");
    expect(withChoice({ field: "x", op: "isNull", value: "true" }, "eq").value).toBe("");
  });
});

describe("value inputs", () => {
  it("follow the field type", () => {
    expect(valueInputFor(stage, "in")).toEqual({ kind: "options", options: ["lead", "customer"], multiple: true });
    expect(valueInputFor(owner, "eq")).toEqual({ kind: "user", multiple: false });
    expect(valueInputFor(created, "lt")).toEqual({ kind: "date" });
    expect(valueInputFor(created, "isNull")).toEqual({ kind: "none" });
  });

  it("refuse values the server would reject", () => {
    expect(filterProblem({ field: "employees", op: "gt", value: "12" }, employees)).toBeNull();
    expect(filterProblem({ field: "employees", op: "gt", value: "twelve" }, employees)).not.toBeNull();
    expect(filterProblem({ field: "createdAt", op: "lt", value: "2026-13-45" }, created)).not.toBeNull();
    expect(filterProblem({ field: "ownerId", op: "eq", value: "me" }, owner)).not.toBeNull();
    expect(filterProblem({ field: "lifecycleStage", op: "eq", value: "" }, stage)).not.toBeNull();
    expect(filterProblem({ field: "createdAt", op: "isNull", value: "true" }, created)).toBeNull();
  });
});

describe("describeFilter", () => {
  it("reads as a sentence", () => {
    expect(describeFilter({ field: "lifecycleStage", op: "in", value: "lead,customer" }, stage, (v) => v.toUpperCase())).toBe(
      "Lifecycle stage is any of LEAD, CUSTOMER",
    );
    expect(describeFilter({ field: "createdAt", op: "isNull", value: "true" }, created, String)).toBe("Created is empty");
  });
});

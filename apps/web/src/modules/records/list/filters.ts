import type { FieldInfo, ViewDefinition } from "@rapport/contract";
import { recordsTexts } from "../records.texts";

/** One condition of a list, exactly as a saved view stores it and the API reads it: `filter[field][op]=value`. */
export type FilterCondition = ViewDefinition["filters"][number];

/**
 * What the operator menu offers. It is the server's operator, except that `isNull` is split
 * into "is empty" (`isNull=true`) and "is not empty" (`isNull=false`), which read better.
 */
export type OperatorChoice = string;
const EMPTY = "isEmpty";
const NOT_EMPTY = "isNotEmpty";

const texts = recordsTexts.filters.operators;

/** Operator labels depend on the field type: dates are "before/after", numbers "less/greater". */
function operatorLabel(type: string, op: string): string {
  if (type === "date" || type === "datetime") {
    const dateLabels: Record<string, string> = {
      eq: texts.on,
      lt: texts.before,
      lte: texts.onOrBefore,
      gt: texts.after,
      gte: texts.onOrAfter,
    };
    if (dateLabels[op]) return dateLabels[op];
  }
  if (type === "text_array" || type === "json_array") {
    const arrayLabels: Record<string, string> = { eq: texts.includes, in: texts.includesAnyOf, contains: texts.hasOneContaining };
    if (arrayLabels[op]) return arrayLabels[op];
  }
  const labels: Record<string, string> = {
    eq: texts.is,
    ne: texts.isNot,
    lt: texts.lessThan,
    lte: texts.atMost,
    gt: texts.greaterThan,
    gte: texts.atLeast,
    in: texts.isAnyOf,
    contains: texts.contains,
    startsWith: texts.startsWith,
  };
  return labels[op] ?? op;
}

/** The operators a field offers, in the server's order, with "is empty"/"is not empty" last. */
export function operatorChoices(field: FieldInfo): { value: OperatorChoice; label: string }[] {
  const choices = field.operators.filter((op) => op !== "isNull").map((op) => ({ value: op, label: operatorLabel(field.type, op) }));
  if (field.operators.includes("isNull")) {
    choices.push({ value: EMPTY, label: texts.isEmpty }, { value: NOT_EMPTY, label: texts.isNotEmpty });
  }
  return choices;
}

export function choiceOf(filter: FilterCondition): OperatorChoice {
  if (filter.op === "isNull") return filter.value === "false" ? NOT_EMPTY : EMPTY;
  return filter.op;
}

/** Picks an operator; the value is kept when it still fits (a list keeps its first item). */
export function withChoice(filter: FilterCondition, choice: OperatorChoice): FilterCondition {
  if (choice === EMPTY) return { field: filter.field, op: "isNull", value: "true" };
  if (choice === NOT_EMPTY) return { field: filter.field, op: "isNull", value: "false" };
  if (filter.op === "isNull") return { field: filter.field, op: choice, value: "" };
  if (filter.op === "in" && choice !== "in") return { field: filter.field, op: choice, value: splitValues(filter.value)[0] ?? "" };
  return { field: filter.field, op: choice, value: filter.value };
}

/** A new condition on a field: its first operator and an empty value. */
export function newFilter(field: FieldInfo): FilterCondition {
  const op = field.operators.find((o) => o !== "isNull") ?? "isNull";
  return { field: field.key, op, value: op === "isNull" ? "true" : "" };
}

/** How the value of a condition is entered. */
export type ValueInput =
  | { kind: "none" }
  | { kind: "text"; multiple: boolean }
  | { kind: "number"; multiple: boolean }
  | { kind: "date" }
  | { kind: "boolean" }
  | { kind: "options"; options: string[]; multiple: boolean }
  | { kind: "user"; multiple: boolean }
  | { kind: "company"; multiple: boolean }
  | { kind: "uuid"; multiple: boolean };

export function valueInputFor(field: FieldInfo, op: string): ValueInput {
  if (op === "isNull") return { kind: "none" };
  const multiple = op === "in";
  if (field.options && field.options.length > 0) return { kind: "options", options: field.options, multiple };
  switch (field.type) {
    case "number":
      return { kind: "number", multiple };
    case "date":
    case "datetime":
      return { kind: "date" };
    case "boolean":
      return { kind: "boolean" };
    case "uuid":
      if (field.key === "ownerId" || field.key.endsWith("OwnerId")) return { kind: "user", multiple };
      if (field.key === "companyId") return { kind: "company", multiple };
      return { kind: "uuid", multiple };
    default:
      return { kind: "text", multiple };
  }
}

/** `in` values are a comma-separated list. */
export function splitValues(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a condition cannot be applied yet (so the list never asks the server something it will refuse), or null. */
export function filterProblem(filter: FilterCondition, field: FieldInfo | undefined): string | null {
  if (!field) return recordsTexts.filters.unknownField;
  if (filter.op === "isNull") return null;
  const values = filter.op === "in" ? splitValues(filter.value) : [filter.value.trim()];
  if (values.length === 0 || values.some((v) => v === "")) return recordsTexts.filters.needsValue;
  const input = valueInputFor(field, filter.op);
  if (input.kind === "number" && !values.every((v) => NUMBER.test(v))) return recordsTexts.filters.needsNumber;
  if (input.kind === "date" && !values.every((v) => DATE.test(v) && !Number.isNaN(Date.parse(v)))) return recordsTexts.filters.needsDate;
  if ((input.kind === "user" || input.kind === "company" || input.kind === "uuid") && !values.every((v) => UUID.test(v))) {
    return recordsTexts.filters.needsChoice;
  }
  if (input.kind === "boolean" && !values.every((v) => v === "true" || v === "false")) return recordsTexts.filters.needsChoice;
  return null;
}

/** The query parameters of the applicable conditions: `filter[field][op]` → values (a key may repeat). */
export function filterParams(filters: FilterCondition[], fields: FieldInfo[] | undefined): Record<string, string[]> {
  const byKey = new Map((fields ?? []).map((f) => [f.key, f]));
  const params: Record<string, string[]> = {};
  for (const filter of filters) {
    // Without the field list (still loading) conditions go as they are; the server checks them anyway.
    if (fields && filterProblem(filter, byKey.get(filter.field))) continue;
    const key = `filter[${filter.field}][${filter.op}]`;
    const value = filter.op === "in" ? splitValues(filter.value).join(",") : filter.value.trim();
    const list = params[key] ?? [];
    list.push(value);
    params[key] = list;
  }
  return params;
}

/** "Lifecycle stage is customer" for the chip of an applied condition; `formatValue` names users, companies, dates. */
export function describeFilter(filter: FilterCondition, field: FieldInfo | undefined, formatValue: (value: string) => string): string {
  const label = field?.label ?? filter.field;
  if (filter.op === "isNull") return `${label} ${filter.value === "false" ? texts.isNotEmpty : texts.isEmpty}`;
  const op = field ? operatorLabel(field.type, filter.op) : filter.op;
  const values = filter.op === "in" ? splitValues(filter.value) : [filter.value];
  return `${label} ${op} ${values.map(formatValue).join(", ")}`;
}

import type { ViewDefinition } from "@rapport/contract";
import { type FieldDef, parseFilters, parseSort } from "../../platform/db/list-query/index.js";
import { ProblemError } from "../../platform/http/problem.js";

export type FieldError = { path: string; message: string };

/**
 * A saved view must replay as a valid list query: its filters (field, operator, value) and
 * its sort are checked against the object's field registry, the same allow-list the list
 * endpoint applies — a view cannot smuggle in what a query could not.
 */
export function checkViewDefinition(def: ViewDefinition, fields: Map<string, FieldDef>): FieldError[] {
  const errors: FieldError[] = [];
  const attempt = (path: string, fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      errors.push({ path, message: err.message });
    }
  };
  def.filters.forEach((f, i) => {
    attempt(`body.definition.filters.${i}`, () => parseFilters({ [`filter[${f.field}][${f.op}]`]: f.value }, fields));
  });
  if (def.sort !== undefined && def.sort.trim() !== "") attempt("body.definition.sort", () => parseSort(def.sort, fields, ""));
  return errors;
}

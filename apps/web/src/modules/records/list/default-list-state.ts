import type { RecordType } from "../record-types";
import type { ListState } from "./list-state";

/**
 * Without a saved view, the list remembers its columns and sort in this browser, and its
 * filters and search in this tab (so opening a record and coming back keeps them). Choosing
 * "All people" in the view picker clears the filters: it shows everyone.
 */
const key = (scope: Scope) => `rapport.list.${scope.userId}.${scope.type}`;

/** Whose list of which object: users sharing a browser do not share list settings. */
export type Scope = { userId: string; type: RecordType };

function read(storage: Storage, type: Scope): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key(type)) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function write(storage: Storage, type: Scope, value: unknown) {
  try {
    storage.setItem(key(type), JSON.stringify(value));
  } catch {
    // Private mode or a full storage: the list still works, it just does not remember.
  }
}

const isFilter = (f: unknown): f is ListState["filters"][number] =>
  typeof f === "object" &&
  f !== null &&
  typeof (f as Record<string, unknown>).field === "string" &&
  typeof (f as Record<string, unknown>).op === "string" &&
  typeof (f as Record<string, unknown>).value === "string";

export function loadDefaultState(type: Scope, defaultColumns: string[]): ListState {
  const kept = read(window.localStorage, type);
  const tab = read(window.sessionStorage, type);
  return {
    columns: Array.isArray(kept.columns) ? kept.columns.filter((c): c is string => typeof c === "string") : defaultColumns,
    sort: typeof kept.sort === "string" ? kept.sort : "",
    filters: Array.isArray(tab.filters) ? tab.filters.filter(isFilter) : [],
    q: typeof tab.q === "string" ? tab.q : "",
  };
}

export function saveDefaultState(type: Scope, state: ListState): void {
  write(window.localStorage, type, { columns: state.columns, sort: state.sort });
  write(window.sessionStorage, type, { filters: state.filters, q: state.q });
}

/** "All people" chosen, or the filters were saved as a view: the plain list starts unfiltered. */
export function clearDefaultFilters(type: Scope): void {
  write(window.sessionStorage, type, { filters: [], q: "" });
}

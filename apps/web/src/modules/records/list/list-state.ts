import type { FieldInfo, ViewDefinition } from "@rapport/contract";
import { type FilterCondition, filterParams } from "./filters";

/** What a list shows: the same four things a saved view remembers. */
export type ListState = {
  columns: string[];
  filters: FilterCondition[];
  /** `name,-createdAt`; empty for the server's default. */
  sort: string;
  q: string;
};

/** The name column is always first and cannot be hidden: it is the link to the record. */
export const NAME_COLUMN = "name";

export function stateFromView(definition: ViewDefinition | undefined, defaultColumns: string[]): ListState {
  return {
    columns: definition && definition.columns.length > 0 ? definition.columns : defaultColumns,
    filters: definition?.filters ?? [],
    sort: definition?.sort ?? "",
    q: definition?.q ?? "",
  };
}

export function viewDefinition(state: ListState): ViewDefinition {
  const definition: ViewDefinition = { columns: state.columns, filters: state.filters };
  if (state.sort.trim()) definition.sort = state.sort.trim();
  if (state.q.trim()) definition.q = state.q.trim();
  return definition;
}

/** Whether the list differs from what the view saved (the "Save changes" button appears). */
export function differsFromView(state: ListState, definition: ViewDefinition | undefined, defaultColumns: string[]): boolean {
  const saved = viewDefinition(stateFromView(definition, defaultColumns));
  return JSON.stringify(viewDefinition(state)) !== JSON.stringify(saved);
}

/** The list request: paging, sort, search, trash and one `filter[field][op]` key per condition. */
export function listQuery(
  state: ListState,
  options: { trash: boolean; fields: FieldInfo[] | undefined; limit: number },
): Record<string, string | number | string[]> {
  const query: Record<string, string | number | string[]> = { limit: options.limit };
  if (state.sort.trim()) query.sort = state.sort.trim();
  if (state.q.trim()) query.q = state.q.trim();
  if (options.trash) query.trash = "true";
  return { ...query, ...filterParams(state.filters, options.fields) };
}

/**
 * The columns to draw: the name first, then the chosen ones that still exist (a custom field
 * may have been deleted since the view was saved), each once.
 */
export function shownColumns(columns: string[], fields: FieldInfo[]): FieldInfo[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const keys = [NAME_COLUMN, ...columns.filter((c) => c !== NAME_COLUMN)];
  return [...new Set(keys)].flatMap((key) => {
    const field = byKey.get(key);
    return field ? [field] : [];
  });
}

/** Splits ids into batches the bulk endpoint accepts (at most 1000 per request). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

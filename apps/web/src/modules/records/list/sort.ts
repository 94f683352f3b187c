/** One key of a list's sort: `sort=name,-createdAt` is [{name, asc}, {createdAt, desc}]. */
export type SortKey = { field: string; desc: boolean };

/** The server sorts by at most this many keys. */
export const MAX_SORT_KEYS = 4;

export function parseSort(sort: string | undefined | null): SortKey[] {
  if (!sort) return [];
  return sort
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (part.startsWith("-") ? { field: part.slice(1), desc: true } : { field: part, desc: false }))
    .filter((k) => k.field !== "")
    .slice(0, MAX_SORT_KEYS);
}

export function formatSort(keys: SortKey[]): string {
  return keys.map((k) => (k.desc ? `-${k.field}` : k.field)).join(",");
}

/**
 * What a click on a column header does to the sort.
 * - Plain click: sort by that column alone; clicking the only sort column again flips it.
 * - Shift-click (`additive`): adds the column as the next key; on a column already in the
 *   sort it flips ascending → descending, and a third click removes it.
 */
export function toggleSort(keys: SortKey[], field: string, additive: boolean): SortKey[] {
  const index = keys.findIndex((k) => k.field === field);
  const current = keys[index];
  if (!additive) {
    if (current && keys.length === 1) return [{ field, desc: !current.desc }];
    return [{ field, desc: false }];
  }
  if (!current) return keys.length >= MAX_SORT_KEYS ? keys : [...keys, { field, desc: false }];
  if (!current.desc) return keys.map((k, i) => (i === index ? { field, desc: true } : k));
  return keys.filter((_, i) => i !== index);
}

/** For `aria-sort` and the header arrow: the column's direction and its position among the keys (1-based). */
export function sortStateOf(keys: SortKey[], field: string): { direction: "ascending" | "descending"; position: number } | null {
  const index = keys.findIndex((k) => k.field === field);
  const key = keys[index];
  if (!key) return null;
  return { direction: key.desc ? "descending" : "ascending", position: index + 1 };
}

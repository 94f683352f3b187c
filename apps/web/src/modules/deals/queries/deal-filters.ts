import type { ViewDefinition } from "@rapport/contract";

/** One condition as the API reads it (`filter[field][op]=value`) and a saved view stores it. */
export type DealCondition = ViewDefinition["filters"][number];

/**
 * What the board and the list filter on; kept in the page address so a filtered view is a link.
 * The named ones are the filter bar's; `conditions` are the further ones of the filter builder.
 */
export type DealFilters = {
  q?: string | undefined;
  ownerId?: string | undefined;
  companyId?: string | undefined;
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
  rotting?: boolean | undefined;
  status?: string | undefined;
  conditions?: DealCondition[] | undefined;
};

type BarKey = Exclude<keyof DealFilters, "q" | "conditions">;

/** The filter bar's fields and the API condition each one stands for. */
const BAR: { key: BarKey; field: string; op: string }[] = [
  { key: "ownerId", field: "ownerId", op: "eq" },
  { key: "companyId", field: "companyId", op: "eq" },
  { key: "closeFrom", field: "expectedCloseDate", op: "gte" },
  { key: "closeTo", field: "expectedCloseDate", op: "lte" },
  { key: "rotting", field: "rotting", op: "eq" },
  { key: "status", field: "status", op: "eq" },
];
const KEYS = ["q", ...BAR.map((b) => b.key)] as const;
const CONDITION_PARAM = /^filter\[([A-Za-z0-9_.]+)\]\[([A-Za-z]+)\]$/;

export function filtersFromSearch(params: URLSearchParams): DealFilters {
  const filters: DealFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === "rotting") filters.rotting = value === "1";
    else filters[key] = value;
  }
  const conditions: DealCondition[] = [];
  for (const [name, value] of params) {
    const match = CONDITION_PARAM.exec(name);
    if (match?.[1] && match[2]) conditions.push({ field: match[1], op: match[2], value });
  }
  if (conditions.length > 0) filters.conditions = conditions;
  return filters;
}

/** Writes the filters into a copy of the address's parameters (other parameters stay). */
export function filtersToSearch(filters: DealFilters, previous: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const key of KEYS) next.delete(key);
  for (const name of [...next.keys()]) if (CONDITION_PARAM.test(name)) next.delete(name);
  for (const key of KEYS) {
    const value = filters[key];
    if (value === undefined || value === "" || value === false) continue;
    next.set(key, value === true ? "1" : String(value));
  }
  for (const c of filters.conditions ?? []) next.append(`filter[${c.field}][${c.op}]`, c.value);
  return next;
}

export function hasFilters(filters: DealFilters): boolean {
  return KEYS.some((k) => filters[k] !== undefined && filters[k] !== "" && filters[k] !== false) || (filters.conditions?.length ?? 0) > 0;
}

/** All filters as conditions: the bar's first, then the builder's. */
export function filterConditions(filters: DealFilters): DealCondition[] {
  const bar = BAR.flatMap(({ key, field, op }) => {
    const value = filters[key];
    if (value === undefined || value === "" || value === false) return [];
    return [{ field, op, value: value === true ? "true" : String(value) }];
  });
  return [...bar, ...(filters.conditions ?? [])];
}

/** The inverse of filterConditions: conditions the bar can show go to the bar, the rest stay conditions. */
export function filtersFromConditions(conditions: readonly DealCondition[], q?: string): DealFilters {
  const filters: DealFilters = q ? { q } : {};
  const rest: DealCondition[] = [];
  for (const c of conditions) {
    const bar = BAR.find((b) => b.field === c.field && b.op === c.op);
    if (bar && filters[bar.key] === undefined && (bar.key !== "rotting" || c.value === "true")) {
      if (bar.key === "rotting") filters.rotting = true;
      else filters[bar.key] = c.value;
    } else rest.push(c);
  }
  if (rest.length > 0) filters.conditions = rest;
  return filters;
}

/** The API's `q` and `filter[field][op]=value` for the filters (fields of GET /deals/fields). */
export function filtersToQuery(filters: DealFilters): { q?: string; filter?: Record<string, Record<string, string>> } {
  const filter: Record<string, Record<string, string>> = {};
  for (const c of filterConditions(filters)) filter[c.field] = { ...filter[c.field], [c.op]: c.value };
  const q = filters.q?.trim();
  return { ...(q ? { q } : {}), ...(Object.keys(filter).length > 0 ? { filter } : {}) };
}

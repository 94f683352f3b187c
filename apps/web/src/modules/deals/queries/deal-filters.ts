/** What the board and the list filter on; kept in the page address so a filtered view is a link. */
export type DealFilters = {
  q?: string | undefined;
  ownerId?: string | undefined;
  companyId?: string | undefined;
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
  rotting?: boolean | undefined;
  status?: string | undefined;
};

const KEYS = ["q", "ownerId", "companyId", "closeFrom", "closeTo", "rotting", "status"] as const;

export function filtersFromSearch(params: URLSearchParams): DealFilters {
  const filters: DealFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === "rotting") filters.rotting = value === "1";
    else filters[key] = value;
  }
  return filters;
}

/** Writes the filters into a copy of the address's parameters (other parameters stay). */
export function filtersToSearch(filters: DealFilters, previous: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const key of KEYS) next.delete(key);
  for (const key of KEYS) {
    const value = filters[key];
    if (value === undefined || value === "" || value === false) continue;
    next.set(key, value === true ? "1" : String(value));
  }
  return next;
}

export function hasFilters(filters: DealFilters): boolean {
  return KEYS.some((k) => filters[k] !== undefined && filters[k] !== "" && filters[k] !== false);
}

/** The API's `q` and `filter[field][op]=value` for the filters (fields of GET /deals/fields). */
export function filtersToQuery(filters: DealFilters): { q?: string; filter?: Record<string, Record<string, string>> } {
  const filter: Record<string, Record<string, string>> = {};
  if (filters.ownerId) filter.ownerId = { eq: filters.ownerId };
  if (filters.companyId) filter.companyId = { eq: filters.companyId };
  if (filters.closeFrom || filters.closeTo) {
    filter.expectedCloseDate = {
      ...(filters.closeFrom ? { gte: filters.closeFrom } : {}),
      ...(filters.closeTo ? { lte: filters.closeTo } : {}),
    };
  }
  if (filters.rotting) filter.rotting = { eq: "true" };
  if (filters.status) filter.status = { eq: filters.status };
  const q = filters.q?.trim();
  return { ...(q ? { q } : {}), ...(Object.keys(filter).length > 0 ? { filter } : {}) };
}

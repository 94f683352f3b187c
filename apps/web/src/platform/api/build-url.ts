/** Fills `{param}` placeholders (URI-encoded) and appends the query string. */
export function buildUrl(path: string, params: Record<string, unknown> | undefined, query: unknown): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === "") {
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    }
    return encodeURIComponent(String(value));
  });
  const search = serialiseQuery(query);
  return search ? `${filled}?${search}` : filled;
}

/**
 * Serialises a query object: arrays repeat the key, nested objects use brackets
 * (`{ filter: { name: { eq: "x" } } }` → `filter[name][eq]=x`), undefined/null are skipped.
 */
export function serialiseQuery(query: unknown): string {
  const search = new URLSearchParams();
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) add(key, item);
    } else if (typeof value === "object") {
      for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    } else {
      search.append(key, String(value));
    }
  };
  if (query && typeof query === "object") {
    for (const [key, value] of Object.entries(query)) add(key, value);
  }
  return search.toString();
}

/**
 * A response body that is already JSON text. `route` sends it as is, without the zod
 * response parse (decision 0024): for hot read paths whose presenter builds every field of
 * the contract explicitly, so the parse only copied what was already there. The type
 * parameter is the contract's response type the text stands for.
 */
export class JsonText<T> {
  declare readonly shape?: T;
  constructor(readonly text: string) {}
}

/**
 * A list page `{ items, nextCursor }` whose items are already one JSON array text (written by
 * PostgreSQL, decision 0029). The text is the contract's `T[]` as its presenter would write
 * it; list tests compare the two.
 */
export function jsonPage<T>(items: string, nextCursor: string | null): JsonText<{ items: T[]; nextCursor: string | null }> {
  return new JsonText(`{"items":${items},"nextCursor":${JSON.stringify(nextCursor)}}`);
}

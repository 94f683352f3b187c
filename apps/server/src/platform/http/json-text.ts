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

/** The value as JSON text; its type is checked against the contract's response type. */
export function serialized<T>(value: T): JsonText<T> {
  return new JsonText(JSON.stringify(value));
}

/**
 * A page `{ items, nextCursor }` from items already written as JSON text (decision 0032):
 * the same text `serialized({ items, nextCursor })` writes for the parsed items.
 */
export function pageText<Item>(itemsJson: string[], nextCursor: string | null): JsonText<{ items: Item[]; nextCursor: string | null }> {
  return new JsonText(`{"items":[${itemsJson.join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}

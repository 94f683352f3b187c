import { type RawBuilder, sql } from "kysely";

/**
 * `= ANY($1::uuid[])` instead of `IN ($1, …, $50)`: one parameter, so PostgreSQL plans the
 * statement once per shape instead of once per list length (planning dominated hot reads).
 */
export function anyUuid(ids: readonly string[]): RawBuilder<string> {
  return sql<string>`ANY(${ids}::uuid[])`;
}

import { type RawBuilder, sql } from "kysely";
import { CAST, type FieldDef } from "./fields.js";
import type { Filter, SortKey } from "./parse.js";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const cast = (field: FieldDef) => sql.raw(CAST[field.type]);

/** The SQL condition of one filter. */
export function filterCondition(f: Filter): RawBuilder<boolean> {
  const e = f.field.expr;
  const t = f.field.type;
  if (f.op === "isNull") {
    const empty =
      t === "text_array"
        ? sql<boolean>`coalesce(cardinality(${e}), 0) = 0`
        : t === "json_array"
          ? sql<boolean>`coalesce(jsonb_array_length(${e}), 0) = 0`
          : t === "text" || t === "select"
            ? sql<boolean>`coalesce(${e}::text, '') = ''`
            : sql<boolean>`${e} IS NULL`;
    return f.value ? empty : sql<boolean>`NOT (${empty})`;
  }
  if (t === "text_array") {
    if (f.op === "eq") return sql<boolean>`${e} @> ARRAY[${f.value}]::text[]`;
    if (f.op === "in") return sql<boolean>`${e} && ${f.value}::text[]`;
    return sql<boolean>`EXISTS (SELECT 1 FROM unnest(${e}) AS x WHERE rapport_fold(x) LIKE '%' || rapport_fold(${escapeLike(String(f.value))}) || '%')`;
  }
  if (t === "json_array") {
    if (f.op === "eq") return sql<boolean>`jsonb_exists(coalesce(${e}, '[]'), ${f.value})`;
    return sql<boolean>`jsonb_exists_any(coalesce(${e}, '[]'), ${f.value}::text[])`;
  }
  const v = f.value;
  switch (f.op) {
    case "eq":
      return sql<boolean>`${e} = ${v}::${cast(f.field)}`;
    case "ne":
      return sql<boolean>`${e} IS DISTINCT FROM ${v}::${cast(f.field)}`;
    case "lt":
      return sql<boolean>`${e} < ${v}::${cast(f.field)}`;
    case "lte":
      return sql<boolean>`${e} <= ${v}::${cast(f.field)}`;
    case "gt":
      return sql<boolean>`${e} > ${v}::${cast(f.field)}`;
    case "gte":
      return sql<boolean>`${e} >= ${v}::${cast(f.field)}`;
    case "in":
      return sql<boolean>`${e} = ANY(${v}::${cast(f.field)}[])`;
    case "contains":
      return sql<boolean>`rapport_fold(${e}) LIKE '%' || rapport_fold(${escapeLike(String(v))}) || '%'`;
    case "startsWith":
      return sql<boolean>`rapport_fold(${e}) LIKE rapport_fold(${escapeLike(String(v))}) || '%'`;
    default:
      throw new Error(`operator ${f.op} not handled`);
  }
}

const sortExpr = (k: SortKey) => k.field.sortExpr ?? k.field.expr;
const sortCast = (k: SortKey) => (k.field.sortExpr ? sql.raw("text") : cast(k.field));

/**
 * Keys that are never null and all in one direction page by a row comparison, which an
 * index on (workspace, keys…, id) answers with a range scan however deep the page; other
 * mixes fall back to the general OR form.
 */
function isUniform(keys: SortKey[]): boolean {
  return keys.every((k) => k.field.notNull && k.desc === keys[0]?.desc);
}

/** ORDER BY for the sort keys, nulls last, then the id as the tie-breaker. */
export function orderBy(keys: SortKey[], idExpr: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts = keys.map((k) => sql`${sortExpr(k)} ${sql.raw(k.desc ? "DESC" : "ASC")} NULLS LAST`);
  const idDesc = isUniform(keys) && (keys[0]?.desc ?? false);
  return sql.join([...parts, sql`${idExpr} ${sql.raw(idDesc ? "DESC" : "ASC")}`]);
}

/** The sort values of a row, as text, for the next cursor. */
export function sortValueColumns(keys: SortKey[]): RawBuilder<unknown>[] {
  return keys.map((k, i) => sql`(${sortExpr(k)})::text AS ${sql.ref(`sort_${i}`)}`);
}

/**
 * Keyset condition "after the cursor row" for any mix of directions with nulls last:
 * (k1 after v1) OR (k1 = v1 AND (k2 after v2 OR (k2 = v2 AND … id > last id))).
 */
export function keysetCondition(keys: SortKey[], values: (string | null)[], id: string, idExpr: RawBuilder<unknown>): RawBuilder<boolean> {
  if (isUniform(keys) && values.every((v) => v !== null)) {
    const left = sql.join([...keys.map(sortExpr), idExpr]);
    const right = sql.join([...keys.map((k, i) => sql`${values[i]}::${sortCast(k)}`), sql`${id}::uuid`]);
    return keys[0]?.desc ? sql<boolean>`(${left}) < (${right})` : sql<boolean>`(${left}) > (${right})`;
  }
  let tail: RawBuilder<boolean> = sql<boolean>`${idExpr} > ${id}::uuid`;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i] as SortKey;
    const v = values[i] ?? null;
    const e = sortExpr(k);
    const c = sortCast(k);
    if (v === null) {
      // Nulls come last: only other nulls can follow.
      tail = sql<boolean>`(${e} IS NULL AND ${tail})`;
    } else {
      const after = k.desc ? sql<boolean>`${e} < ${v}::${c}` : sql<boolean>`${e} > ${v}::${c}`;
      tail = sql<boolean>`(${after} OR ${e} IS NULL OR (${e} = ${v}::${c} AND ${tail}))`;
    }
  }
  return tail;
}

import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
import { newestFirst } from "../../platform/db/newest-first.js";
import type { DB, InteractionsTable } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";
import { linkedRecordVisible } from "../records/index.js";
import type { EntityCode } from "../search/index.js";

type Q = Kysely<DB> | Transaction<DB>;
export type InteractionRow = Selectable<InteractionsTable>;
export type LinkRow = { interaction_id: string; entity_type: EntityCode; entity_id: string };
export type AttendeeRow = { interaction_id: string; user_id: string };
export type PageOptions = { types: string[] | undefined; cursor: string | undefined; limit: number };

/** SQL: the interaction (alias `i`) is visible: the caller sees at least one record it is linked to. */
function visibleCondition(v: RecordVisibility): RawBuilder<boolean> {
  if (v.all) return sql<boolean>`true`;
  return sql<boolean>`EXISTS (SELECT 1 FROM interaction_links l WHERE l.workspace_id = i.workspace_id AND l.interaction_id = i.id AND ${linkedRecordVisible("l", v)})`;
}

/** Interaction rows of a page; `i.*` of the interactions table (and `extra` columns, a gate: see newestFirst). */
function page<Row extends InteractionRow = InteractionRow>(
  q: Q,
  from: RawBuilder<unknown>,
  at: string,
  id: string,
  where: RawBuilder<boolean>[],
  options: PageOptions,
  folded: { extra?: RawBuilder<unknown>; gate?: RawBuilder<boolean> } = {},
) {
  const types = options.types ? [sql<boolean>`i.type = ANY(${options.types}::text[])`] : [];
  return newestFirst<Row>(q, {
    select: folded.extra ? sql`i.*, ${folded.extra}` : sql`i.*`,
    from,
    at,
    id,
    where: [...where, ...types],
    cursor: options.cursor,
    limit: options.limit,
    ...(folded.gate ? { gate: folded.gate } : {}),
  });
}

/**
 * The `related_links` and `related_attendees` columns of a page (alias `i`): the same rows
 * and order as `links` (with the same visibility) and `attendees` read for that row, as
 * JSON, computed in the page's own statement.
 */
function relatedColumns(v: RecordVisibility): RawBuilder<unknown> {
  return sql`(SELECT coalesce(json_agg(json_build_object('interaction_id', rl.interaction_id, 'entity_type', rl.entity_type,
                                                         'entity_id', rl.entity_id) ORDER BY rl.entity_id), '[]'::json)
                FROM interaction_links rl
               WHERE rl.workspace_id = i.workspace_id AND rl.interaction_id = i.id AND ${linkedRecordVisible("rl", v)}) AS related_links,
             (SELECT coalesce(json_agg(json_build_object('interaction_id', ra.interaction_id, 'user_id', ra.user_id) ORDER BY ra.user_id), '[]'::json)
                FROM interaction_attendees ra
               WHERE ra.workspace_id = i.workspace_id AND ra.interaction_id = i.id) AS related_attendees`;
}

/** An interaction row with its links and attendees read in the same statement. */
export type InteractionWithRelated = InteractionRow & { related_links: LinkRow[]; related_attendees: AttendeeRow[] };

export const interactionsRepository = {
  /** One live interaction the caller may see, else undefined. */
  byId: (q: Q, ws: string, id: string, v: RecordVisibility, opts: { forUpdate?: boolean } = {}) => {
    let query = q
      .selectFrom("interactions as i")
      .selectAll()
      .where("i.workspace_id", "=", ws)
      .where("i.id", "=", id)
      .where("i.deleted_at", "is", null)
      .where(visibleCondition(v));
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /**
   * The timeline of one person or company, through its link index, with each interaction's
   * links and attendees; `gate` (the caller may see the record) is evaluated in the same
   * statement: no rows unless it holds (`gateOpen`).
   */
  timeline: (
    q: Q,
    ws: string,
    entity: EntityCode,
    entityId: string,
    options: PageOptions,
    v: RecordVisibility,
    gate: RawBuilder<boolean>,
  ) =>
    page<InteractionWithRelated>(
      q,
      sql`interaction_links l JOIN interactions i ON i.workspace_id = l.workspace_id AND i.id = l.interaction_id`,
      "l.occurred_at",
      "l.interaction_id",
      [
        sql<boolean>`l.workspace_id = ${ws}::uuid AND l.entity_type = ${entity} AND l.entity_id = ${entityId}::uuid AND i.deleted_at IS NULL`,
      ],
      options,
      { extra: relatedColumns(v), gate },
    ),

  /** Every interaction the caller may see. */
  list: (q: Q, ws: string, v: RecordVisibility, options: PageOptions) =>
    page(
      q,
      sql`interactions i`,
      "i.occurred_at",
      "i.id",
      [sql<boolean>`i.workspace_id = ${ws}::uuid AND i.deleted_at IS NULL`, visibleCondition(v)],
      options,
    ),

  /** The links of interactions; with a visibility, only to records the caller may see (ids of others stay hidden). */
  links: (q: Q, ws: string, ids: string[], v: RecordVisibility | undefined) =>
    ids.length === 0
      ? Promise.resolve([] as LinkRow[])
      : q
          .selectFrom("interaction_links as l")
          .select(["l.interaction_id", "l.entity_type", "l.entity_id"])
          .where("l.workspace_id", "=", ws)
          .where("l.interaction_id", "=", anyUuid(ids))
          .where(v ? linkedRecordVisible("l", v) : sql<boolean>`true`)
          .orderBy("l.entity_id")
          .execute(),

  attendees: (q: Q, ws: string, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as AttendeeRow[])
      : q
          .selectFrom("interaction_attendees")
          .select(["interaction_id", "user_id"])
          .where("workspace_id", "=", ws)
          .where("interaction_id", "=", anyUuid(ids))
          .orderBy("user_id")
          .execute(),

  insertLinks: async (tx: Transaction<DB>, ws: string, row: InteractionRow, refs: { entity: EntityCode; ids: string[] }[]) => {
    const values = refs.flatMap((r) =>
      r.ids.map((entityId) => ({
        workspace_id: ws,
        interaction_id: row.id,
        entity_type: r.entity,
        entity_id: entityId,
        occurred_at: row.occurred_at,
        type: row.type,
      })),
    );
    if (values.length > 0) await tx.insertInto("interaction_links").values(values).execute();
  },

  insertAttendees: async (tx: Transaction<DB>, ws: string, interactionId: string, userIds: string[]) => {
    if (userIds.length === 0) return;
    await tx
      .insertInto("interaction_attendees")
      .values(userIds.map((user_id) => ({ workspace_id: ws, interaction_id: interactionId, user_id })))
      .execute();
  },

  /** Keeps the timeline index in step with the interaction's time. */
  moveLinks: (tx: Transaction<DB>, ws: string, interactionId: string, occurredAt: Date) =>
    tx
      .updateTable("interaction_links")
      .set({ occurred_at: occurredAt })
      .where("workspace_id", "=", ws)
      .where("interaction_id", "=", interactionId)
      .execute(),

  /** The latest live interaction of each record (null when none is left). */
  latestOf: async (q: Q, ws: string, entity: EntityCode, ids: string[]) => {
    if (ids.length === 0) return [] as { id: string; at: Date | null }[];
    const res = await sql<{ id: string; at: Date | null }>`
      SELECT e.id, (SELECT max(l.occurred_at) FROM interaction_links l
                      JOIN interactions i ON i.workspace_id = l.workspace_id AND i.id = l.interaction_id
                     WHERE l.workspace_id = ${ws}::uuid AND l.entity_type = ${entity} AND l.entity_id = e.id AND i.deleted_at IS NULL) AS at
        FROM unnest(${ids}::uuid[]) AS e(id)`.execute(q);
    return res.rows;
  },

  /** Counts by type and the latest time, for the 360° summary of one record. */
  summary: (q: Q, ws: string, entity: EntityCode, entityId: string) =>
    sql<{ type: string; n: number; last: Date }>`
      SELECT l.type, count(*)::int AS n, max(l.occurred_at) AS last
        FROM interaction_links l JOIN interactions i ON i.workspace_id = l.workspace_id AND i.id = l.interaction_id
       WHERE l.workspace_id = ${ws}::uuid AND l.entity_type = ${entity} AND l.entity_id = ${entityId}::uuid AND i.deleted_at IS NULL
       GROUP BY l.type`
      .execute(q)
      .then((r) => r.rows),
};

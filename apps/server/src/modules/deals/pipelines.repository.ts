import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
import type { DB, PipelineStagesTable, PipelinesTable } from "../../platform/db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type PipelineRow = Selectable<PipelinesTable>;
export type StageRow = Selectable<PipelineStagesTable>;

export const pipelinesRepository = {
  list: (q: Q, ws: string, archived: "true" | "false" | "all") => {
    let query = q.selectFrom("pipelines").selectAll().where("workspace_id", "=", ws);
    if (archived !== "all") query = query.where("archived_at", archived === "true" ? "is not" : "is", null);
    return query.orderBy("position").orderBy("created_at").orderBy("id").execute();
  },

  byId: (q: Q, ws: string, id: string, opts: { forUpdate?: boolean } = {}) => {
    let query = q.selectFrom("pipelines").selectAll().where("workspace_id", "=", ws).where("id", "=", id);
    if (opts.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /** The stages of the pipelines, in board order. */
  stagesOf: async (q: Q, ws: string, pipelineIds: string[]): Promise<Map<string, StageRow[]>> => {
    const map = new Map<string, StageRow[]>(pipelineIds.map((id) => [id, []]));
    if (pipelineIds.length === 0) return map;
    const rows = await q
      .selectFrom("pipeline_stages")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("pipeline_id", "=", anyUuid(pipelineIds))
      .orderBy("position")
      .orderBy("id")
      .execute();
    for (const r of rows) map.get(r.pipeline_id)?.push(r);
    return map;
  },

  stagesByIds: async (q: Q, ws: string, stageIds: string[]): Promise<Map<string, StageRow>> => {
    const ids = [...new Set(stageIds)];
    if (ids.length === 0) return new Map();
    const rows = await q.selectFrom("pipeline_stages").selectAll().where("workspace_id", "=", ws).where("id", "=", anyUuid(ids)).execute();
    return new Map(rows.map((r) => [r.id, r]));
  },

  /** The first open stage of the pipeline (where new deals start). */
  firstOpenStage: (q: Q, ws: string, pipelineId: string) =>
    q
      .selectFrom("pipeline_stages")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("pipeline_id", "=", pipelineId)
      .where("kind", "=", "open")
      .orderBy("position")
      .limit(1)
      .executeTakeFirst(),

  stageById: (q: Q, ws: string, stageId: string) =>
    q.selectFrom("pipeline_stages").selectAll().where("workspace_id", "=", ws).where("id", "=", stageId).executeTakeFirst(),

  insertStages: async (
    tx: Transaction<DB>,
    ws: string,
    pipelineId: string,
    stages: { id: string; name: string; probability: number; rottingDays: number | null; kind: StageRow["kind"]; position: number }[],
  ) => {
    if (stages.length === 0) return;
    await tx
      .insertInto("pipeline_stages")
      .values(
        stages.map((s) => ({
          workspace_id: ws,
          id: s.id,
          pipeline_id: pipelineId,
          name: s.name,
          position: s.position,
          probability: s.probability,
          rotting_days: s.rottingDays,
          kind: s.kind,
        })),
      )
      .execute();
  },

  /** Positions 0…n-1 in the given order. */
  setStageOrder: async (tx: Transaction<DB>, ws: string, pipelineId: string, stageIds: string[]) => {
    await sql`UPDATE pipeline_stages AS s SET position = o.position - 1, updated_at = now()
                FROM unnest(${stageIds}::uuid[]) WITH ORDINALITY AS o(id, position)
               WHERE s.workspace_id = ${ws}::uuid AND s.pipeline_id = ${pipelineId}::uuid AND s.id = o.id`.execute(tx);
  },

  /** Whether any deal is, or ever was, in the stage (its history must keep pointing at it). */
  stageUsed: async (q: Q, ws: string, stageId: string) => {
    const r = await sql<{ used: boolean }>`
      SELECT EXISTS (SELECT 1 FROM deals WHERE workspace_id = ${ws}::uuid AND stage_id = ${stageId}::uuid)
          OR EXISTS (SELECT 1 FROM deal_stage_periods WHERE workspace_id = ${ws}::uuid AND stage_id = ${stageId}::uuid) AS used`.execute(q);
    return r.rows[0]?.used ?? false;
  },

  /** Whether a live deal is in the stage now. */
  stageHasDeals: async (q: Q, ws: string, stageId: string) => {
    const r = await sql<{ has: boolean }>`
      SELECT EXISTS (SELECT 1 FROM deals WHERE workspace_id = ${ws}::uuid AND stage_id = ${stageId}::uuid) AS has`.execute(q);
    return r.rows[0]?.has ?? false;
  },
};

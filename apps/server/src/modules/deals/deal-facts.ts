import type { Kysely, Transaction } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
import type { DB } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";

type Q = Kysely<DB> | Transaction<DB>;

/** What playbooks need to know about a deal: where it stands, whose it is, which region. */
export type DealFacts = {
  id: string;
  pipelineId: string;
  stageId: string;
  stageEnteredAt: Date;
  ownerId: string | null;
  region: string | null;
  status: "open" | "won" | "lost";
};

export type StageFacts = { id: string; name: string; position: number };

/**
 * The read-only facts other modules take from sales (pipelines, stages, deals): playbooks
 * resolve a deal's steps from them, and tasks check which linked deals a viewer may see.
 */
export const dealFacts = {
  /** A live deal of the workspace, or undefined (trashed deals have no playbook). */
  async deal(q: Q, ws: string, id: string): Promise<DealFacts | undefined> {
    const r = await q
      .selectFrom("deals")
      .select(["id", "pipeline_id", "stage_id", "stage_entered_at", "owner_id", "region", "status"])
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return (
      r && {
        id: r.id,
        pipelineId: r.pipeline_id,
        stageId: r.stage_id,
        stageEnteredAt: r.stage_entered_at,
        ownerId: r.owner_id,
        region: r.region,
        status: r.status,
      }
    );
  },

  /** The stages of a pipeline of the workspace in board order; [] when there is no such pipeline. */
  stages: (q: Q, ws: string, pipelineId: string): Promise<StageFacts[]> =>
    q
      .selectFrom("pipeline_stages")
      .select(["id", "name", "position"])
      .where("workspace_id", "=", ws)
      .where("pipeline_id", "=", pipelineId)
      .orderBy("position")
      .execute(),

  async pipelineExists(q: Q, ws: string, pipelineId: string): Promise<boolean> {
    const r = await q.selectFrom("pipelines").select("id").where("workspace_id", "=", ws).where("id", "=", pipelineId).executeTakeFirst();
    return r !== undefined;
  },

  /** Live deals among `ids` that a viewer with this visibility may see (unowned ones too), with their names. */
  visibleDeals: (q: Q, ws: string, ids: string[], v: RecordVisibility) => {
    let query = q
      .selectFrom("deals")
      .select(["id", "name"])
      .where("workspace_id", "=", ws)
      .where("id", "=", anyUuid(ids))
      .where("deleted_at", "is", null);
    if (!v.all) query = query.where((eb) => eb.or([eb("owner_id", "is", null), eb("owner_id", "=", anyUuid(v.ownerIds))]));
    return query.execute();
  },
};

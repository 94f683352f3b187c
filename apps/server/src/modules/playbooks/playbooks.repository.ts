import type { PlaybookStage, VariantStage } from "@rapport/contract";
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { DB, PlaybookStepTasksTable, PlaybooksTable, PlaybookVariantsTable } from "../../platform/db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type PlaybookRow = Omit<Selectable<PlaybooksTable>, "stages"> & { stages: PlaybookStage[] };
export type VariantRow = Omit<Selectable<PlaybookVariantsTable>, "stages"> & { stages: VariantStage[] };
export type StepTaskRow = Selectable<PlaybookStepTasksTable>;

const json = (v: unknown) => JSON.stringify(v);
const asPlaybook = (r: Selectable<PlaybooksTable>): PlaybookRow => ({ ...r, stages: r.stages as PlaybookStage[] });
const asVariant = (r: Selectable<PlaybookVariantsTable>): VariantRow => ({ ...r, stages: r.stages as VariantStage[] });
const STEP_TASK_COLUMNS = [
  "workspace_id",
  "id",
  "deal_id",
  "stage_id",
  "stage_entered_at",
  "step_key",
  "task_id",
  "task_status",
  sql<string | null>`due_on::text`.as("due_on"),
  "created_at",
] as const;

/** SQL of playbooks, their variants and the tasks their steps created. Every method takes the workspace. */
export const playbooksRepository = {
  list: async (q: Q, ws: string) =>
    (await q.selectFrom("playbooks").selectAll().where("workspace_id", "=", ws).orderBy("name").orderBy("id").execute()).map(asPlaybook),

  byId: async (q: Q, ws: string, id: string, opts: { forUpdate?: boolean } = {}) => {
    let query = q.selectFrom("playbooks").selectAll().where("workspace_id", "=", ws).where("id", "=", id);
    if (opts.forUpdate) query = query.forUpdate();
    const r = await query.executeTakeFirst();
    return r && asPlaybook(r);
  },

  byPipeline: async (q: Q, ws: string, pipelineId: string) => {
    const r = await q
      .selectFrom("playbooks")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("pipeline_id", "=", pipelineId)
      .executeTakeFirst();
    return r && asPlaybook(r);
  },

  /** Undefined when the pipeline already has a playbook. */
  insert: async (
    tx: Transaction<DB>,
    row: { workspace_id: string; id: string; pipeline_id: string; name: string; stages: PlaybookStage[] },
  ) => {
    const r = await tx
      .insertInto("playbooks")
      .values({ ...row, stages: json(row.stages) })
      .onConflict((oc) => oc.columns(["workspace_id", "pipeline_id"]).doNothing())
      .returningAll()
      .executeTakeFirst();
    return r && asPlaybook(r);
  },

  update: async (tx: Transaction<DB>, ws: string, id: string, set: { name?: string; stages?: PlaybookStage[] }) =>
    asPlaybook(
      await tx
        .updateTable("playbooks")
        .set({
          ...(set.name !== undefined ? { name: set.name } : {}),
          ...(set.stages !== undefined ? { stages: json(set.stages) } : {}),
          updated_at: sql`now()`,
        })
        .where("workspace_id", "=", ws)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),

  remove: (tx: Transaction<DB>, ws: string, id: string) =>
    tx.deleteFrom("playbooks").where("workspace_id", "=", ws).where("id", "=", id).execute(),

  variants: async (q: Q, ws: string, playbookIds: string[]) =>
    playbookIds.length === 0
      ? []
      : (
          await q
            .selectFrom("playbook_variants")
            .selectAll()
            .where("workspace_id", "=", ws)
            .where("playbook_id", "in", playbookIds)
            .orderBy("region")
            .execute()
        ).map(asVariant),

  variant: async (q: Q, ws: string, playbookId: string, region: string) => {
    const r = await q
      .selectFrom("playbook_variants")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("playbook_id", "=", playbookId)
      .where("region", "=", region)
      .executeTakeFirst();
    return r && asVariant(r);
  },

  /** Creates or replaces; `created` tells which. */
  putVariant: async (
    tx: Transaction<DB>,
    row: { workspace_id: string; playbook_id: string; region: string; name: string; stages: VariantStage[] },
  ) => {
    const r = await tx
      .insertInto("playbook_variants")
      .values({ ...row, stages: json(row.stages) })
      .onConflict((oc) =>
        oc.columns(["workspace_id", "playbook_id", "region"]).doUpdateSet({
          name: (eb) => eb.ref("excluded.name"),
          stages: (eb) => eb.ref("excluded.stages"),
          updated_at: sql`now()`,
        }),
      )
      .returningAll()
      .returning(sql<boolean>`(xmax = 0)`.as("created"))
      .executeTakeFirstOrThrow();
    return { row: asVariant(r), created: r.created };
  },

  removeVariant: async (tx: Transaction<DB>, ws: string, playbookId: string, region: string) => {
    const r = await tx
      .deleteFrom("playbook_variants")
      .where("workspace_id", "=", ws)
      .where("playbook_id", "=", playbookId)
      .where("region", "=", region)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  /** The step tasks of one stay of a deal in a stage. */
  stepTasksOfStay: (q: Q, ws: string, dealId: string, stageId: string, enteredAt: Date) =>
    q
      .selectFrom("playbook_step_tasks")
      .select(STEP_TASK_COLUMNS)
      .where("workspace_id", "=", ws)
      .where("deal_id", "=", dealId)
      .where("stage_id", "=", stageId)
      .where("stage_entered_at", "=", enteredAt)
      .execute(),

  stepTaskById: (q: Q, ws: string, id: string) =>
    q.selectFrom("playbook_step_tasks").select(STEP_TASK_COLUMNS).where("workspace_id", "=", ws).where("id", "=", id).executeTakeFirst(),

  /**
   * Records the task a step created for a stay. The unique key (deal, stage, stay, step) is
   * the backstop of the consumer's check: a second insert fails and rolls the batch back.
   */
  insertStepTask: (
    tx: Transaction<DB>,
    row: {
      workspace_id: string;
      id: string;
      deal_id: string;
      stage_id: string;
      stage_entered_at: Date;
      step_key: string;
      task_id: string;
      due_on: string | null;
    },
  ) => tx.insertInto("playbook_step_tasks").values(row).execute(),

  setTaskStatus: (tx: Transaction<DB>, ws: string, taskId: string, status: "open" | "done" | "deleted") =>
    tx
      .updateTable("playbook_step_tasks")
      .set({ task_status: status })
      .where("workspace_id", "=", ws)
      .where("task_id", "=", taskId)
      .execute(),
};

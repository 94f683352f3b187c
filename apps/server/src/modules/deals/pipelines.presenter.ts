import type { Pipeline, Stage } from "@rapport/contract";
import type { PipelineRow, StageRow } from "./pipelines.repository.js";

export function presentStage(s: StageRow): Stage {
  return {
    id: s.id,
    pipelineId: s.pipeline_id,
    name: s.name,
    position: s.position,
    probability: s.probability,
    rottingDays: s.rotting_days,
    kind: s.kind,
  };
}

export function presentPipeline(p: PipelineRow, stages: StageRow[]): Pipeline {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    archived: p.archived_at !== null,
    archivedAt: p.archived_at ? new Date(p.archived_at).toISOString() : null,
    stages: stages.map(presentStage),
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

/** The audited fields of a pipeline, stages included. */
export function pipelineSnapshot(p: Pipeline) {
  return {
    name: p.name,
    position: p.position,
    archived: p.archived,
    stages: p.stages.map(({ pipelineId: _p, position: _pos, ...s }) => s),
  };
}

import type { EffectiveStage, EffectiveStep, PlaybookStage, PlaybookStep, VariantStage } from "@rapport/contract";

/** A variant as resolution needs it: its code, its name and its changes per stage. */
export type VariantDef = { region: string; name: string; stages: VariantStage[] };

/**
 * The effective stages of a playbook: the global stages with a variant's changes applied.
 * Per stage, in this order: removed keys drop global steps; a variant step with a global
 * step's key replaces it in place; any other variant step is added after its `afterKey`
 * (or at the end when that key is absent or unknown). Guidance and the sequential flag are
 * replaced when the variant sets them. A variant stage for a stage the global version does
 * not have starts from an empty stage.
 */
export function resolvePlaybook(global: PlaybookStage[], variant: VariantDef | null): EffectiveStage[] {
  const changes = new Map((variant?.stages ?? []).map((s) => [s.stageId, s]));
  const stages = global.map((g) => resolveStage(g, changes.get(g.stageId)));
  for (const v of variant?.stages ?? []) {
    if (!global.some((g) => g.stageId === v.stageId)) {
      stages.push(resolveStage({ stageId: v.stageId, guidance: "", sequential: true, steps: [] }, v));
    }
  }
  return stages;
}

const plain = (s: PlaybookStep): PlaybookStep => ({ key: s.key, title: s.title, description: s.description, dueInDays: s.dueInDays });

function resolveStage(g: PlaybookStage, v: VariantStage | undefined): EffectiveStage {
  if (!v) {
    return { ...g, guidanceOverridden: false, steps: g.steps.map((s) => ({ ...plain(s), origin: "global" })) };
  }
  const removed = new Set(v.removeStepKeys);
  const byKey = new Map(v.steps.map((s) => [s.key, s]));
  const globalKeys = new Set(g.steps.map((s) => s.key));
  const steps: EffectiveStep[] = g.steps
    .filter((s) => !removed.has(s.key))
    .map((s) => {
      const o = byKey.get(s.key);
      return o ? { ...plain(o), origin: "overridden" } : { ...plain(s), origin: "global" };
    });
  for (const added of v.steps.filter((s) => !globalKeys.has(s.key))) {
    const step: EffectiveStep = { ...plain(added), origin: "added" };
    const at = added.afterKey ? steps.findIndex((s) => s.key === added.afterKey) : -1;
    if (at >= 0) steps.splice(at + 1, 0, step);
    else steps.push(step);
  }
  return {
    stageId: g.stageId,
    guidance: v.guidance ?? g.guidance,
    guidanceOverridden: v.guidance !== null && v.guidance !== g.guidance,
    sequential: v.sequential ?? g.sequential,
    steps,
  };
}

/**
 * The variant a deal of `region` uses: the one whose code or name equals it, ignoring case
 * and surrounding spaces ("de", "DE" and "Germany" all find the DE variant); none: global.
 */
export function variantForRegion<V extends { region: string; name: string }>(variants: V[], region: string | null): V | null {
  const wanted = region?.trim().toLowerCase();
  if (!wanted) return null;
  return variants.find((v) => v.region.toLowerCase() === wanted) ?? variants.find((v) => v.name.trim().toLowerCase() === wanted) ?? null;
}

/** The step that follows `key` in a sequential stage; null at the end or when the stage is parallel. */
export function nextSequentialStep(stage: EffectiveStage, key: string): EffectiveStep | null {
  if (!stage.sequential) return null;
  const i = stage.steps.findIndex((s) => s.key === key);
  return i >= 0 ? (stage.steps[i + 1] ?? null) : null;
}

/** The steps whose tasks start when a deal enters the stage: the first one, or all when parallel. */
export function openingSteps(stage: EffectiveStage): EffectiveStep[] {
  return stage.sequential ? stage.steps.slice(0, 1) : stage.steps;
}

import type { EffectiveStage, PlaybookStep, StageDiff, StepDiff } from "@rapport/contract";

const FIELDS = ["title", "description", "dueInDays"] as const;
const plain = (s: PlaybookStep): PlaybookStep => ({ key: s.key, title: s.title, description: s.description, dueInDays: s.dueInDays });

/**
 * Two effective versions of a playbook, stage by stage (the stages of `a` in order, then
 * those only `b` has). Steps are matched by key: only in b → added, only in a → removed,
 * in both with a different title, description, due offset or place → changed. The list
 * follows b's order with removed steps where they stood in a.
 */
export function comparePlaybooks(a: EffectiveStage[], b: EffectiveStage[]): StageDiff[] {
  const ids = [...a.map((s) => s.stageId), ...b.map((s) => s.stageId).filter((id) => !a.some((s) => s.stageId === id))];
  const empty = (stageId: string): EffectiveStage => ({ stageId, guidance: "", guidanceOverridden: false, sequential: true, steps: [] });
  return ids.map((id) => compareStage(a.find((s) => s.stageId === id) ?? empty(id), b.find((s) => s.stageId === id) ?? empty(id)));
}

function compareStage(a: EffectiveStage, b: EffectiveStage): StageDiff {
  const aKeys = a.steps.map((s) => s.key);
  const bKeys = b.steps.map((s) => s.key);
  // Place changes count relative to the steps both sides have, so an addition does not mark every later step as moved.
  const common = (keys: string[], other: string[]) => keys.filter((k) => other.includes(k));
  const aCommon = common(aKeys, bKeys);
  const bCommon = common(bKeys, aKeys);
  const steps: StepDiff[] = b.steps.map((sb) => {
    const sa = a.steps.find((s) => s.key === sb.key);
    if (!sa) return { key: sb.key, status: "added", a: null, b: plain(sb), changedFields: [] };
    const changedFields: string[] = FIELDS.filter((f) => sa[f] !== sb[f]);
    if (aCommon.indexOf(sb.key) !== bCommon.indexOf(sb.key)) changedFields.push("position");
    return { key: sb.key, status: changedFields.length ? "changed" : "same", a: plain(sa), b: plain(sb), changedFields };
  });
  a.steps.forEach((sa, i) => {
    if (bKeys.includes(sa.key)) return;
    // After the nearest earlier step of a that is still listed, so the removal shows where it was.
    const before = aKeys
      .slice(0, i)
      .reverse()
      .find((k) => steps.some((d) => d.key === k));
    const at = before ? steps.findIndex((d) => d.key === before) + 1 : 0;
    steps.splice(at, 0, { key: sa.key, status: "removed", a: plain(sa), b: null, changedFields: [] });
  });
  const guidanceChanged = a.guidance !== b.guidance;
  return {
    stageId: a.stageId,
    guidanceA: a.guidance,
    guidanceB: b.guidance,
    guidanceChanged,
    sequentialA: a.sequential,
    sequentialB: b.sequential,
    steps,
    changed: guidanceChanged || a.sequential !== b.sequential || steps.some((s) => s.status !== "same"),
  };
}

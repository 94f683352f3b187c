import type { EffectiveStage } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { comparePlaybooks } from "./compare.rules.js";

const S1 = "0190a000-0000-7000-8000-000000000001";
const S2 = "0190a000-0000-7000-8000-000000000002";
const step = (key: string, title = key, dueInDays = 1) => ({ key, title, description: "", dueInDays, origin: "global" as const });
const stage = (stageId: string, keys: ReturnType<typeof step>[], over: Partial<EffectiveStage> = {}): EffectiveStage => ({
  stageId,
  guidance: "<p>g</p>",
  guidanceOverridden: false,
  sequential: true,
  steps: keys,
  ...over,
});
const summary = (d: ReturnType<typeof comparePlaybooks>[number] | undefined) => d?.steps.map((s) => `${s.status}:${s.key}`);

describe("comparePlaybooks", () => {
  it("finds nothing between equal versions", () => {
    const a = [stage(S1, [step("a"), step("b")])];
    const [d] = comparePlaybooks(a, structuredClone(a));
    expect(d?.changed).toBe(false);
    expect(summary(d)).toEqual(["same:a", "same:b"]);
  });

  it("marks added, removed and changed steps, with the changed fields", () => {
    const a = [stage(S1, [step("a"), step("b"), step("c")])];
    const b = [stage(S1, [step("a", "A!"), step("x"), step("c", "c", 5)])];
    const [d] = comparePlaybooks(a, b);
    expect(summary(d)).toEqual(["changed:a", "removed:b", "added:x", "changed:c"]);
    expect(d?.steps[0]?.changedFields).toEqual(["title"]);
    expect(d?.steps[3]?.changedFields).toEqual(["dueInDays"]);
    expect(d?.steps[1]?.a?.key).toBe("b");
    expect(d?.steps[1]?.b).toBeNull();
    expect(d?.changed).toBe(true);
  });

  it("puts a removed first step first", () => {
    const [d] = comparePlaybooks([stage(S1, [step("a"), step("b")])], [stage(S1, [step("b")])]);
    expect(summary(d)).toEqual(["removed:a", "same:b"]);
  });

  it("an addition does not mark later steps as moved, a swap does", () => {
    const [added] = comparePlaybooks([stage(S1, [step("a"), step("b")])], [stage(S1, [step("x"), step("a"), step("b")])]);
    expect(summary(added)).toEqual(["added:x", "same:a", "same:b"]);
    const [swapped] = comparePlaybooks([stage(S1, [step("a"), step("b")])], [stage(S1, [step("b"), step("a")])]);
    expect(swapped?.steps.map((s) => s.changedFields)).toEqual([["position"], ["position"]]);
  });

  it("reports guidance and mode changes per stage", () => {
    const [d1, d2] = comparePlaybooks(
      [stage(S1, []), stage(S2, [])],
      [stage(S1, [], { guidance: "<p>other</p>" }), stage(S2, [], { sequential: false })],
    );
    expect(d1).toMatchObject({ guidanceChanged: true, guidanceA: "<p>g</p>", guidanceB: "<p>other</p>", changed: true });
    expect(d2).toMatchObject({ guidanceChanged: false, sequentialA: true, sequentialB: false, changed: true });
  });

  it("covers stages only one side has", () => {
    const diffs = comparePlaybooks([stage(S1, [step("a")])], [stage(S1, [step("a")]), stage(S2, [step("n")])]);
    expect(diffs.map((d) => d.stageId)).toEqual([S1, S2]);
    expect(summary(diffs[1])).toEqual(["added:n"]);
  });
});

import type { PlaybookStage, VariantStage } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import { nextSequentialStep, openingSteps, resolvePlaybook, variantForRegion } from "./resolve.rules.js";

const S1 = "0190a000-0000-7000-8000-000000000001";
const S2 = "0190a000-0000-7000-8000-000000000002";
const S3 = "0190a000-0000-7000-8000-000000000003";
const step = (key: string, title = key, dueInDays = 1) => ({ key, title, description: "", dueInDays });
const global: PlaybookStage[] = [
  { stageId: S1, guidance: "<p>Qualify</p>", sequential: true, steps: [step("call"), step("budget"), step("decide")] },
  { stageId: S2, guidance: "<p>Propose</p>", sequential: false, steps: [step("deck"), step("quote")] },
];
const vstage = (stageId: string, over: Partial<VariantStage> = {}): VariantStage => ({
  stageId,
  guidance: null,
  sequential: null,
  steps: [],
  removeStepKeys: [],
  ...over,
});
const keys = (s: { steps: { key: string }[] } | undefined) => s?.steps.map((x) => x.key);

describe("resolvePlaybook", () => {
  it("without a variant is the global playbook, every step of global origin", () => {
    const r = resolvePlaybook(global, null);
    expect(r.map((s) => s.stageId)).toEqual([S1, S2]);
    expect(keys(r[0])).toEqual(["call", "budget", "decide"]);
    expect(r[0]?.steps.every((s) => s.origin === "global")).toBe(true);
    expect(r[0]?.guidanceOverridden).toBe(false);
  });

  it("replaces a step with the same key in place", () => {
    const r = resolvePlaybook(global, {
      region: "DE",
      name: "Germany",
      stages: [vstage(S1, { steps: [{ ...step("budget", "Budget incl. VAT", 3), afterKey: null }] })],
    });
    expect(keys(r[0])).toEqual(["call", "budget", "decide"]);
    expect(r[0]?.steps[1]).toEqual({ key: "budget", title: "Budget incl. VAT", description: "", dueInDays: 3, origin: "overridden" });
  });

  it("adds steps after their afterKey, or at the end when it is absent or unknown", () => {
    const r = resolvePlaybook(global, {
      region: "DE",
      name: "Germany",
      stages: [
        vstage(S1, {
          steps: [
            { ...step("works-council"), afterKey: "call" },
            { ...step("gdpr"), afterKey: null },
            { ...step("dpa"), afterKey: "nope" },
          ],
        }),
      ],
    });
    expect(keys(r[0])).toEqual(["call", "works-council", "budget", "decide", "gdpr", "dpa"]);
    expect(r[0]?.steps[1]?.origin).toBe("added");
  });

  it("removes steps, and an added step may follow another added one", () => {
    const r = resolvePlaybook(global, {
      region: "US",
      name: "North America",
      stages: [
        vstage(S1, {
          removeStepKeys: ["budget"],
          steps: [
            { ...step("a"), afterKey: "call" },
            { ...step("b"), afterKey: "a" },
          ],
        }),
      ],
    });
    expect(keys(r[0])).toEqual(["call", "a", "b", "decide"]);
  });

  it("removing and overriding the same key removes it", () => {
    const r = resolvePlaybook(global, {
      region: "US",
      name: "US",
      stages: [vstage(S1, { removeStepKeys: ["call"], steps: [{ ...step("call", "Other"), afterKey: null }] })],
    });
    expect(keys(r[0])).toEqual(["budget", "decide"]);
  });

  it("overrides guidance and the sequential flag only when set", () => {
    const r = resolvePlaybook(global, {
      region: "DE",
      name: "Germany",
      stages: [vstage(S1, { guidance: "<p>Siezen</p>" }), vstage(S2, { sequential: true })],
    });
    expect(r[0]).toMatchObject({ guidance: "<p>Siezen</p>", guidanceOverridden: true, sequential: true });
    expect(r[1]).toMatchObject({ guidance: "<p>Propose</p>", guidanceOverridden: false, sequential: true });
  });

  it("leaves stages without changes and other stages alone", () => {
    const r = resolvePlaybook(global, { region: "DE", name: "Germany", stages: [vstage(S1, { removeStepKeys: ["call"] })] });
    expect(keys(r[1])).toEqual(["deck", "quote"]);
    expect(r[1]?.steps.every((s) => s.origin === "global")).toBe(true);
  });

  it("adds a stage the global playbook does not cover", () => {
    const r = resolvePlaybook(global, {
      region: "DE",
      name: "Germany",
      stages: [vstage(S3, { guidance: "<p>Neu</p>", steps: [{ ...step("x"), afterKey: null }] })],
    });
    expect(r.map((s) => s.stageId)).toEqual([S1, S2, S3]);
    expect(r[2]).toMatchObject({ guidance: "<p>Neu</p>", sequential: true });
    expect(keys(r[2])).toEqual(["x"]);
  });

  it("does not change its inputs", () => {
    const before = JSON.stringify(global);
    resolvePlaybook(global, { region: "DE", name: "Germany", stages: [vstage(S1, { removeStepKeys: ["call"] })] });
    expect(JSON.stringify(global)).toBe(before);
  });
});

describe("variantForRegion", () => {
  const variants = [
    { region: "DE", name: "Germany" },
    { region: "NA", name: "North America" },
  ];
  it("matches the code or the name, ignoring case and spaces", () => {
    expect(variantForRegion(variants, "de")?.region).toBe("DE");
    expect(variantForRegion(variants, " north america ")?.region).toBe("NA");
  });
  it("falls back to global (null) for unknown, empty or missing regions", () => {
    expect(variantForRegion(variants, "FR")).toBeNull();
    expect(variantForRegion(variants, "")).toBeNull();
    expect(variantForRegion(variants, null)).toBeNull();
  });
});

describe("the step chain", () => {
  const [seq, par] = resolvePlaybook(global, null);
  it("opens with the first step of a sequential stage, all steps of a parallel one", () => {
    expect(openingSteps(seq as never).map((s) => s.key)).toEqual(["call"]);
    expect(openingSteps(par as never).map((s) => s.key)).toEqual(["deck", "quote"]);
  });
  it("follows with the next step until the last one", () => {
    expect(nextSequentialStep(seq as never, "call")?.key).toBe("budget");
    expect(nextSequentialStep(seq as never, "budget")?.key).toBe("decide");
    expect(nextSequentialStep(seq as never, "decide")).toBeNull();
    expect(nextSequentialStep(seq as never, "gone")).toBeNull();
  });
  it("has no next step in a parallel stage", () => {
    expect(nextSequentialStep(par as never, "deck")).toBeNull();
  });
  it("follows the variant's order", () => {
    const [de] = resolvePlaybook(global, {
      region: "DE",
      name: "Germany",
      stages: [vstage(S1, { removeStepKeys: ["budget"], steps: [{ ...step("wc"), afterKey: "call" }] })],
    });
    expect(nextSequentialStep(de as never, "call")?.key).toBe("wc");
    expect(nextSequentialStep(de as never, "wc")?.key).toBe("decide");
  });
});

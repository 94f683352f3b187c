import type { Import } from "@rapport/contract";
import { describe, expect, it } from "vitest";
import {
  estimateRows,
  mappingChange,
  mappingWarnings,
  matchChoices,
  percentDone,
  previewColumns,
  previewText,
  remap,
  secondsLeft,
  wizardStep,
} from "./import-wizard.rules";

const base = { encoding: "utf-8" as const, delimiter: ",", headers: ["Name", "Email"], sample: [["Ana", "ana@x.io"]] };

describe("estimateRows", () => {
  it("divides the file's size by the size of a sample row", () => {
    // "Name,Email\r\n" is 12 bytes, "Ana,ana@x.io\r\n" 14: 12 + 100 × 14 bytes hold 100 rows.
    expect(estimateRows({ ...base, sizeBytes: 12 + 100 * 14 })).toBe(100);
    expect(estimateRows({ ...base, encoding: "utf-16le", sizeBytes: 2 * (12 + 100 * 14) })).toBe(100);
  });

  it("never says fewer rows than the sample shows, and knows nothing of vCard files", () => {
    expect(estimateRows({ ...base, sizeBytes: 5 })).toBe(1);
    expect(estimateRows({ ...base, delimiter: "vcard", sizeBytes: 5000 })).toBeNull();
    expect(estimateRows({ ...base, sample: [], sizeBytes: 5000 })).toBeNull();
  });
});

describe("progress", () => {
  it("gives the time left at the current pace, and a share that reaches 100 only when done", () => {
    expect(secondsLeft(1000, 5000, 400)).toBe(10);
    expect(secondsLeft(1000, null, 400)).toBeNull();
    expect(secondsLeft(1000, 5000, null)).toBeNull();
    const progress = { rowsDone: 5000, created: 0, updated: 0, skipped: 0, failed: 0, rowsPerSecond: 1 };
    expect(percentDone({ status: "running", progress }, 4000)).toBe(99);
    expect(percentDone({ status: "running", progress }, 10_000)).toBe(50);
    expect(percentDone({ status: "running", progress }, null)).toBeNull();
    expect(percentDone({ status: "completed", progress }, null)).toBe(100);
  });
});

describe("mapping", () => {
  const targets = [
    { key: "name", label: "Full name", multiple: false },
    { key: "email", label: "Email", multiple: true },
    { key: "phone", label: "Phone", multiple: true },
  ];

  it("warns when no name or no match field is mapped", () => {
    expect(mappingWarnings(["name", "email"], "email")).toEqual({ nameMissing: false, matchFieldMissing: false });
    expect(mappingWarnings([null, "email"], "phone")).toEqual({ nameMissing: true, matchFieldMissing: true });
  });

  it("moves a single-valued field off the column that had it, but lets several columns fill a list", () => {
    expect(remap(["name", null, "email"], 1, "name", targets)).toEqual([null, "name", "email"]);
    expect(remap(["name", null, "email"], 1, "email", targets)).toEqual(["name", "email", "email"]);
    expect(remap(["name", "email"], 1, null, targets)).toEqual(["name", null]);
  });

  it("shows the mapped fields in the preview in the targets' order", () => {
    const imp = { targets, preview: [{ row: 2, values: { email: ["a@x.io"], name: "Ana", phone: undefined }, errors: [] }] };
    expect(previewColumns(imp as unknown as Pick<Import, "targets" | "preview">).map((c) => c.key)).toEqual(["name", "email"]);
    expect(previewText(["a@x.io", "b@x.io"])).toBe("a@x.io, b@x.io");
    expect(previewText(null)).toBe("");
  });
});

describe("wizardStep", () => {
  it("follows the import's status; a dry run stays on the checking step", () => {
    expect(wizardStep({ status: "uploaded", dryRun: false })).toBe(1);
    expect(wizardStep({ status: "running", dryRun: true })).toBe(1);
    expect(wizardStep({ status: "completed", dryRun: true })).toBe(1);
    expect(wizardStep({ status: "running", dryRun: false })).toBe(2);
    expect(wizardStep({ status: "completed", dryRun: false })).toBe(3);
    expect(wizardStep({ status: "undone", dryRun: false })).toBe(3);
  });
});

describe("matching by external id", () => {
  it("is offered only when a column is mapped to the external id", () => {
    expect(matchChoices(["firstName", "email"])).toEqual(["email", "phone"]);
    expect(matchChoices(["firstName", "externalId"])).toEqual(["email", "phone", "externalId"]);
  });

  it("falls back to email when the external id column is unmapped", () => {
    expect(mappingChange({ matchBy: "externalId" }, ["firstName", null])).toEqual({ mapping: ["firstName", null], matchBy: "email" });
    expect(mappingChange({ matchBy: "externalId" }, ["firstName", "externalId"])).toEqual({ mapping: ["firstName", "externalId"] });
    expect(mappingChange({ matchBy: "phone" }, ["firstName", null])).toEqual({ mapping: ["firstName", null] });
  });
});

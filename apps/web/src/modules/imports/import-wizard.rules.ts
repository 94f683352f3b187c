import type { Import, ImportSummary } from "@rapport/contract";

/** The server reads vCard files card by card; their "delimiter" says so. */
export const VCARD_DELIMITER = "vcard";
const NAME_TARGETS = new Set(["firstName", "lastName", "name"]);

/**
 * About how many data rows the file holds: its size over the average size of the sample rows
 * as the file writes them. Unknown for vCard files (a card's size varies with its fields).
 */
export function estimateRows(imp: Pick<Import, "sizeBytes" | "encoding" | "delimiter" | "headers" | "sample">): number | null {
  if (imp.delimiter === VCARD_DELIMITER || imp.sample.length === 0) return null;
  const bytesPerChar = imp.encoding.startsWith("utf-16") ? 2 : 1;
  const size = (line: string) => new TextEncoder().encode(line).length * bytesPerChar + 2 * bytesPerChar;
  const cell = (c: string) => (/[",\n\r;\t|]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const header = size(imp.headers.map(cell).join(imp.delimiter));
  const rows = imp.sample.map((cells) => size(cells.map(cell).join(imp.delimiter)));
  const average = rows.reduce((a, b) => a + b, 0) / rows.length;
  return Math.max(imp.sample.length, Math.round((imp.sizeBytes - header) / average));
}

/** Seconds until the import is through the estimated rows at its current pace; null when unknown. */
export function secondsLeft(rowsDone: number, total: number | null, rowsPerSecond: number | null): number | null {
  if (!total || !rowsPerSecond || rowsPerSecond <= 0) return null;
  return Math.max(0, Math.ceil((total - rowsDone) / rowsPerSecond));
}

/** Share of the file done, 0–100, for the progress bar (never 100 before the import says it is done). */
export function percentDone(imp: Pick<ImportSummary, "status" | "progress">, total: number | null): number | null {
  if (imp.status === "completed" || imp.status === "undone") return 100;
  if (!total) return null;
  return Math.min(99, Math.floor((imp.progress.rowsDone / total) * 100));
}

export type MappingWarnings = { nameMissing: boolean; matchFieldMissing: boolean };

/** What stops an import (no name) or quietly changes what it does (nothing to match on). */
export function mappingWarnings(mapping: (string | null)[], matchBy: Import["matchBy"]): MappingWarnings {
  return {
    nameMissing: !mapping.some((t) => t !== null && NAME_TARGETS.has(t)),
    matchFieldMissing: !mapping.includes(matchBy),
  };
}

/** How rows can be matched with existing people: by external id only when a column is mapped to it. */
export function matchChoices(mapping: (string | null)[]): Import["matchBy"][] {
  return mapping.includes("externalId") ? ["email", "phone", "externalId"] : ["email", "phone"];
}

/**
 * The settings a new mapping saves: matching by external id falls back to email when its
 * column is no longer mapped (the server refuses an external-id match without one).
 */
export function mappingChange(
  imp: Pick<Import, "matchBy">,
  mapping: (string | null)[],
): { mapping: (string | null)[]; matchBy?: Import["matchBy"] } {
  return imp.matchBy === "externalId" && !mapping.includes("externalId") ? { mapping, matchBy: "email" } : { mapping };
}

/** The wizard's step: 0 upload, 1 map and check (also during a dry run), 2 import running, 3 summary. */
export function wizardStep(imp: Pick<ImportSummary, "status" | "dryRun">): number {
  if (imp.status === "uploaded" || imp.dryRun) return 1;
  if (imp.status === "queued" || imp.status === "running") return 2;
  return 3;
}

export const isActive = (status: ImportSummary["status"]) => status === "queued" || status === "running";

/** The preview's columns: the mapped fields, in the order of the targets (names first). */
export function previewColumns(imp: Pick<Import, "targets" | "preview">): { key: string; label: string }[] {
  const present = new Set(imp.preview.flatMap((r) => Object.keys(r.values).filter((k) => r.values[k] !== undefined)));
  return imp.targets.filter((t) => present.has(t.key)).map((t) => ({ key: t.key, label: t.label }));
}

/** A stored value as text: lists joined, nothing as empty. */
export function previewText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(previewText).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A mapping with one column changed; a single-valued field moves off the column that had it. */
export function remap(mapping: (string | null)[], column: number, target: string | null, targets: Import["targets"]): (string | null)[] {
  const multiple = targets.find((t) => t.key === target)?.multiple ?? false;
  return mapping.map((t, i) => (i === column ? target : target !== null && !multiple && t === target ? null : t));
}

import type { Import, ImportSummary } from "@rapport/contract";
import type { CustomFieldDefinition } from "../../custom-fields/index.js";
import { previewCompanyValues, readCompanyRow } from "./company-values.rules.js";
import { targetsOf } from "./import-targets.js";
import type { ImportRow } from "./imports.repository.js";
import { previewValues, readRow } from "./row-values.rules.js";

/** How long an import can be undone after it finished. */
export const UNDO_RETENTION_DAYS = 30;
/** Raw rows shown per column next to the mapping: enough to recognise what a column holds. */
export const SAMPLE_ROWS = 3;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function undoableUntil(row: ImportRow): Date | null {
  if (row.status !== "completed" || row.dry_run || !row.finished_at) return null;
  return new Date(new Date(row.finished_at).getTime() + UNDO_RETENTION_DAYS * 86_400_000);
}

/** An import as listed: what it is and how it went. */
export function presentImportSummary(row: ImportRow): ImportSummary {
  const seconds = row.busy_ms / 1000;
  const until = undoableUntil(row);
  return {
    id: row.id,
    objectType: row.object_type,
    status: row.status,
    filename: row.filename,
    sizeBytes: Number(row.size_bytes),
    dryRun: row.dry_run,
    progress: {
      rowsDone: Number(row.rows_done),
      created: Number(row.created_count),
      updated: Number(row.updated_count),
      skipped: Number(row.skipped_count),
      failed: Number(row.failed_count),
      rowsPerSecond: seconds > 0 ? Math.round(Number(row.rows_done) / seconds) : null,
    },
    lastError: row.last_error,
    createdAt: iso(row.created_at) as string,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    undoneAt: iso(row.undone_at),
    undoableUntil: until && until.getTime() > Date.now() ? until.toISOString() : null,
  };
}

/** The API form of an import; the preview is the sample read through the current mapping. `customDefs`: of the import's object type. */
export function presentImport(row: ImportRow, ctx: { customDefs: CustomFieldDefinition[]; defaultCountry: string }): Import {
  const headers = row.headers as string[];
  const mapping = row.mapping as (string | null)[];
  const sample = row.sample as string[][];
  const rowCtx = { headers, mapping, customDefs: ctx.customDefs, defaultCountry: ctx.defaultCountry };
  return {
    ...presentImportSummary(row),
    encoding: row.encoding as Import["encoding"],
    delimiter: row.delimiter,
    headers,
    sample: sample.slice(0, SAMPLE_ROWS).map((cells) => headers.map((_, i) => cells[i] ?? "")),
    mapping,
    suggestedMapping: row.suggested_mapping as (string | null)[],
    targets: targetsOf(row.object_type, ctx.customDefs).targets,
    matchBy: row.match_by,
    onMatch: row.on_match,
    preview: (row.sample as string[][]).map((cells, i) => {
      if (row.object_type === "company") {
        const { values, errors } = readCompanyRow(cells, rowCtx);
        return { row: i + 2, values: previewCompanyValues(values), errors };
      }
      const { values, errors } = readRow(cells, rowCtx);
      return { row: i + 2, values: previewValues(values), errors };
    }),
  };
}

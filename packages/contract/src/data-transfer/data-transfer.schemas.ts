import { z } from "zod";
import { listRecordsQuerySchema } from "../customers/customers.schemas.js";
import { listQuerySchema, uuid } from "../platform/common.js";

/**
 * Export of a list view: the list's own parameters (filters as `filter[field][op]=value`,
 * `sort`, `q`, `trash`) plus the columns to write, as comma-separated field keys
 * (`name,email,custom.tier`). Keys are allow-listed per object on the server.
 */
export const exportQuerySchema = listRecordsQuerySchema.omit({ limit: true, cursor: true }).extend({
  columns: z.string().max(4000).optional(),
});

/** Encodings an import file is read in; detected on upload from its byte order mark and bytes. */
export const importEncodings = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"] as const;
export const importStatuses = ["uploaded", "queued", "running", "completed", "failed", "undone"] as const;
export const importMatchBySchema = z.enum(["email", "phone", "externalId"]);
export const importOnMatchSchema = z.enum(["update", "skip", "create"]);
/** What the rows of an import file are: people (the default) or companies. */
export const importObjectTypeSchema = z.enum(["contact", "company"]);
export type ImportObjectType = z.infer<typeof importObjectTypeSchema>;

/** One row of the preview: the values as they would be stored, and what is wrong with the row. */
export const importPreviewRowSchema = z.object({
  row: z.number().int(),
  values: z.record(z.string(), z.unknown()),
  errors: z.array(z.object({ column: z.string(), reason: z.string() })),
});

export const importProgressSchema = z.object({
  rowsDone: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  rowsPerSecond: z.number().nullable(),
});

export const importSchema = z.object({
  id: uuid,
  objectType: importObjectTypeSchema,
  status: z.enum(importStatuses),
  filename: z.string(),
  sizeBytes: z.number().int(),
  encoding: z.enum(importEncodings),
  delimiter: z.string(),
  headers: z.array(z.string()),
  /** The first rows of the file as read (cells per column), to show what each column holds. */
  sample: z.array(z.array(z.string())),
  /** Per column, the field the column goes into (`firstName`, `email`, `custom.tier`) or null. */
  mapping: z.array(z.string().nullable()),
  suggestedMapping: z.array(z.string().nullable()),
  /** Where a column can go: built-in fields, then the custom fields as `custom.<key>`. */
  targets: z.array(z.object({ key: z.string(), label: z.string(), multiple: z.boolean() })),
  matchBy: importMatchBySchema,
  onMatch: importOnMatchSchema,
  dryRun: z.boolean(),
  preview: z.array(importPreviewRowSchema),
  progress: importProgressSchema,
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  undoneAt: z.iso.datetime().nullable(),
  /** Until when the import can be undone (null: not undoable). */
  undoableUntil: z.iso.datetime().nullable(),
});
export type Import = z.infer<typeof importSchema>;

/** An import in a list of imports: what it is and how it went, without its columns. */
export const importSummarySchema = importSchema.pick({
  id: true,
  objectType: true,
  status: true,
  filename: true,
  sizeBytes: true,
  dryRun: true,
  progress: true,
  lastError: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  undoneAt: true,
  undoableUntil: true,
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const listImportsQuerySchema = listQuerySchema;

/** One rejected cell (or row) of an import or dry run; `row` as a spreadsheet numbers it (header = 1). */
export const importErrorSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportError = z.infer<typeof importErrorSchema>;

export const updateImportBodySchema = z
  .strictObject({
    mapping: z.array(z.string().max(80).nullable()).max(20_000),
    matchBy: importMatchBySchema,
    onMatch: importOnMatchSchema,
    dryRun: z.boolean(),
  })
  .partial();

export const undoImportResultSchema = z.object({ removed: z.number().int(), restored: z.number().int() });

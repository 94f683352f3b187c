import type { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type pg from "pg";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import type { RecordVisibility } from "../../iam/index.js";
import type { SearchService } from "../../search/index.js";
import { neutraliseCell } from "../csv-cells.rules.js";
import { companyColumns, contactColumns, pickColumns } from "./export-columns.js";
import { bytesStream, copyCsvRecords } from "./export-copy.js";
import { type ExportObject, type ExportQuery, exportSource } from "./export-source.js";
import { csvLines, vcardStream } from "./export-writers.js";

export type ExportFileDeps = {
  db: Kysely<DB>;
  /** The application role's connection settings: a CSV export streams on a connection of its own. */
  connection: pg.ClientConfig;
  search: SearchService;
  defaultCountry: (workspaceId: string) => Promise<string>;
};

/**
 * The CSV of a list view, for the API and the CLI alike. Parameters are checked before this
 * returns (a bad filter or column is an error, not a truncated file); rows are read while the
 * stream is consumed.
 */
export type ExportOptions = {
  /** Visibility to export with instead of the principal's (the CLI exports everything). */
  visibility?: RecordVisibility;
  /** Told the number of rows of each page as it is written (progress bars). */
  onRows?: (rows: number) => void;
};

async function* counted<T>(batches: AsyncIterable<T[]>, onRows?: (rows: number) => void) {
  for await (const batch of batches) {
    yield batch;
    onRows?.(batch.length);
  }
}

/** The BOM makes spreadsheet programs read the file as UTF-8 instead of their legacy code page. */
const BOM = "\uFEFF";

export async function exportCsv(
  deps: ExportFileDeps,
  principal: Principal,
  object: ExportObject,
  query: ExportQuery,
  opts: ExportOptions = {},
): Promise<Readable> {
  const s = await exportSource(deps.db, deps, principal, object, query, opts.visibility);
  const columns = pickColumns(object === "contact" ? contactColumns(s.defs) : companyColumns(s.defs), s.fields, object, query.columns);
  const header = BOM + csvLines([columns.map((c) => neutraliseCell(c.label))]);
  return bytesStream(header, copyCsvRecords(deps.db, deps.connection, s, columns, opts.onRows));
}

export async function exportVcard(deps: ExportFileDeps, principal: Principal, query: ExportQuery, opts: ExportOptions = {}) {
  const s = await exportSource(deps.db, deps, principal, "contact", query, opts.visibility);
  return vcardStream(counted(s.batches(), opts.onRows));
}

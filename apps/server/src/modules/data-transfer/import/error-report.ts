import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import { neutraliseCell } from "../csv-cells.rules.js";
import { csvLines } from "../export/export-writers.js";
import { importsRepository } from "./imports.repository.js";

/**
 * The error report of an import as CSV, streamed page by page: `row` as a spreadsheet
 * numbers it (the header is row 1), the `column` (header) and the `reason`.
 */
export function errorReport(db: Kysely<DB>, workspaceId: string, importId: string): Readable {
  async function* chunks() {
    yield `\uFEFF${csvLines([["row", "column", "reason"]])}`;
    for (let after = { row: 0, seq: 0 }; ; ) {
      const page = await importsRepository.errors(db, workspaceId, importId, after, 5000);
      const last = page[page.length - 1];
      if (!last) return;
      yield csvLines(page.map((e) => [String(e.row_number), neutraliseCell(e.column_name), neutraliseCell(e.reason)]));
      after = { row: Number(last.row_number), seq: last.seq };
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Data in and out: CSV and vCard exports of list views, CSV imports of people as resumable jobs. */
import type { FastifyInstance } from "fastify";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import type { FileStorage } from "../../platform/storage/storage.js";
import { registerExportRoutes } from "./export/export.routes.js";
import type { ExportFileDeps } from "./export/export-files.js";
import { registerImportRoutes } from "./import/imports.routes.js";

export { neutraliseCell, restoreCell } from "./csv-cells.rules.js";
export { type ExportFileDeps, exportCsv, exportVcard } from "./export/export-files.js";
export { type ImportFileDeps, openImportFile } from "./import/commands/import-file-command.js";
export { undoImport } from "./import/commands/undo-import.js";
export { errorReport } from "./import/error-report.js";
export { countRecords } from "./import/import-file.js";
export { importJobs as dataTransferJobs, type RunOutcome, runImport } from "./import/import-job.js";
export type { ImportRow } from "./import/imports.repository.js";

export type DataTransferDeps = ExportFileDeps & { auth: Authenticator; storage: FileStorage };

/** The export and import endpoints; the worker runs `dataTransferJobs`. */
export function registerDataTransferRoutes(app: FastifyInstance, deps: DataTransferDeps) {
  registerExportRoutes(app, deps);
  registerImportRoutes(app, deps);
}

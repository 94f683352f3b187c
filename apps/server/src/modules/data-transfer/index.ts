/**
 * Data in and out: CSV and vCard exports of list views (streamed, the list's filters and
 * visibility), CSV imports of people as resumable jobs (batches committed with their
 * position, an error report, undo). The CLI uses the same functions.
 */
import type { FastifyInstance } from "fastify";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import type { FileStorage } from "../../platform/storage/storage.js";
import { registerExportRoutes } from "./export/export.routes.js";
import type { ExportFileDeps } from "./export/export-files.js";
import { registerImportRoutes } from "./import/imports.routes.js";

export { type ExportFileDeps, exportCsv, exportVcard } from "./export/export-files.js";
export { type ImportFileDeps, openImportFile } from "./import/commands/import-file-command.js";
export { errorReport } from "./import/error-report.js";
export { countRecords } from "./import/import-file.js";
export { importJobs as dataTransferJobs, runImport } from "./import/import-job.js";
export type { ImportRow } from "./import/imports.repository.js";
export { importEventRule } from "./import/imports.visibility.js";

export type DataTransferDeps = ExportFileDeps & { auth: Authenticator; storage: FileStorage };

/** The export and import endpoints; the worker runs `dataTransferJobs`. */
export function registerDataTransferRoutes(app: FastifyInstance, deps: DataTransferDeps) {
  registerExportRoutes(app, deps);
  registerImportRoutes(app, deps);
}

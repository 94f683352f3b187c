import { idParamsSchema } from "../platform/common.js";
import { endpoint } from "../platform/endpoint.js";
import { importSchema, undoImportResultSchema, updateImportBodySchema } from "./data-transfer.schemas.js";

/**
 * Imports. The upload (`POST /api/v1/imports`, multipart), the error report
 * (`GET /api/v1/imports/{id}/errors.csv`) and the exports (`GET /api/v1/contacts/export.csv`,
 * `/export.vcf`, `GET /api/v1/companies/export.csv`) are not JSON and are registered by the
 * server directly; they are described in the OpenAPI document all the same.
 */
const tags = ["Imports"];

export const importEndpoints = {
  get: endpoint({
    method: "GET",
    path: "/api/v1/imports/{id}",
    summary: "An import: detected format, mapping, preview and live progress",
    tags,
    params: idParamsSchema,
    status: 200,
    response: importSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/v1/imports/{id}",
    summary: "Set the column mapping, the match strategy and dry run (before starting)",
    tags,
    params: idParamsSchema,
    body: updateImportBodySchema,
    status: 200,
    response: importSchema,
  }),
  start: endpoint({
    method: "POST",
    path: "/api/v1/imports/{id}/start",
    summary: "Start the import as a background job (resumes where it stopped after a restart)",
    tags,
    params: idParamsSchema,
    status: 202,
    response: importSchema,
  }),
  undo: endpoint({
    method: "POST",
    path: "/api/v1/imports/{id}/undo",
    summary: "Undo a finished import: trash what it created, restore what it updated",
    tags,
    params: idParamsSchema,
    status: 200,
    response: undoImportResultSchema,
  }),
};

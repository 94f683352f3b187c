import { idParamsSchema, listQuerySchema, pageOf } from "../platform/common.js";
import { endpoint } from "../platform/endpoint.js";
import {
  importErrorSchema,
  importSchema,
  importSummarySchema,
  listImportsQuerySchema,
  undoImportResultSchema,
  updateImportBodySchema,
} from "./data-transfer.schemas.js";

/**
 * Imports. The upload (`POST /api/v1/imports`, multipart), the error report
 * (`GET /api/v1/imports/{id}/errors.csv`) and the exports (`GET /api/v1/contacts/export.csv`,
 * `/export.vcf`, `GET /api/v1/companies/export.csv`) are not JSON and are registered by the
 * server directly; they are described in the OpenAPI document all the same.
 */
const tags = ["Imports"];

export const importEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/imports",
    summary: "Imports the caller can see (their own; every import for admins and managers), newest first",
    tags,
    query: listImportsQuerySchema,
    status: 200,
    response: pageOf(importSummarySchema),
  }),
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
  errors: endpoint({
    method: "GET",
    path: "/api/v1/imports/{id}/errors",
    summary: "The rows an import (or dry run) rejected, and why, in file order",
    tags,
    params: idParamsSchema,
    query: listQuerySchema,
    status: 200,
    response: pageOf(importErrorSchema),
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

import { z } from "zod";
import { idParamsSchema } from "../platform/common.js";
import { endpoint } from "../platform/endpoint.js";
import {
  compareQuerySchema,
  createPlaybookBodySchema,
  dealPlaybookSchema,
  effectivePlaybookSchema,
  effectiveQuerySchema,
  playbookComparisonSchema,
  playbookSchema,
  playbookVariantSchema,
  putVariantBodySchema,
  updatePlaybookBodySchema,
  variantParamsSchema,
} from "./playbooks.schemas.js";

const T = ["Playbooks"];

/**
 * Playbooks. The offline export (`GET /api/v1/playbooks/{id}/export.html?variant=`) is an
 * HTML file, not JSON, so the server registers it beside these with `playbookExportQuerySchema`.
 */
export const playbookEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/playbooks",
    summary: "Playbooks, one per pipeline at most",
    tags: T,
    status: 200,
    response: z.object({ items: z.array(playbookSchema) }),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/playbooks",
    summary: "Create the playbook of a pipeline (admins and managers)",
    tags: T,
    body: createPlaybookBodySchema,
    status: 201,
    response: playbookSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/api/v1/playbooks/{id}",
    summary: "One playbook: its global version and the list of its variants",
    tags: T,
    params: idParamsSchema,
    status: 200,
    response: playbookSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/v1/playbooks/{id}",
    summary: "Rename a playbook or replace its global stages (admins and managers)",
    tags: T,
    params: idParamsSchema,
    body: updatePlaybookBodySchema,
    status: 200,
    response: playbookSchema,
  }),
  delete: endpoint({
    method: "DELETE",
    path: "/api/v1/playbooks/{id}",
    summary: "Delete a playbook and its variants (admins and managers)",
    tags: T,
    params: idParamsSchema,
    status: 204,
    response: null,
  }),
  getVariant: endpoint({
    method: "GET",
    path: "/api/v1/playbooks/{id}/variants/{region}",
    summary: "One regional variant: its overrides, additions and removals",
    tags: T,
    params: variantParamsSchema,
    status: 200,
    response: playbookVariantSchema,
  }),
  putVariant: endpoint({
    method: "PUT",
    path: "/api/v1/playbooks/{id}/variants/{region}",
    summary: "Create or replace a regional variant (admins and managers)",
    tags: T,
    params: variantParamsSchema,
    body: putVariantBodySchema,
    status: 200,
    response: playbookVariantSchema,
  }),
  deleteVariant: endpoint({
    method: "DELETE",
    path: "/api/v1/playbooks/{id}/variants/{region}",
    summary: "Delete a regional variant (admins and managers)",
    tags: T,
    params: variantParamsSchema,
    status: 204,
    response: null,
  }),
  effective: endpoint({
    method: "GET",
    path: "/api/v1/playbooks/{id}/effective",
    summary: "The playbook as a deal of a region sees it: the global version with the region's variant applied",
    tags: T,
    params: idParamsSchema,
    query: effectiveQuerySchema,
    status: 200,
    response: effectivePlaybookSchema,
  }),
  compare: endpoint({
    method: "GET",
    path: "/api/v1/playbooks/{id}/compare",
    summary: "Compare two versions (global or a variant) stage by stage",
    tags: T,
    params: idParamsSchema,
    query: compareQuerySchema,
    status: 200,
    response: playbookComparisonSchema,
  }),
  forDeal: endpoint({
    method: "GET",
    path: "/api/v1/deals/{id}/playbook",
    summary: "The playbook of a deal's current stage (its region's variant) with the status of each step's task",
    tags: T,
    params: idParamsSchema,
    status: 200,
    response: dealPlaybookSchema,
  }),
};

import { pageOf } from "../platform/common.js";
import { endpoint } from "../platform/endpoint.js";
import { auditEntrySchema, auditQuerySchema } from "./audit.schemas.js";

export const auditEndpoints = {
  listAudit: endpoint({
    method: "GET",
    path: "/api/v1/audit",
    summary: "The audit trail: who changed what, when, from which value to which",
    tags: ["Audit"],
    query: auditQuerySchema,
    status: 200,
    response: pageOf(auditEntrySchema),
  }),
};

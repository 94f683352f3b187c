import { exportQuerySchema } from "@rapport/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Authenticator, authenticate } from "../../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../../platform/auth/principal.js";
import { type ExportFileDeps, exportCsv, exportVcard } from "./export-files.js";
import type { ExportQuery } from "./export-source.js";

export type ExportDeps = ExportFileDeps & { auth: Authenticator };

const security: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** `people-2026-11-25.csv`: a fixed ASCII name, never derived from request text. */
export const exportFilename = (object: "contact" | "company", ext: "csv" | "vcf", now = new Date()) =>
  `${object === "contact" ? "people" : "companies"}-${now.toISOString().slice(0, 10)}.${ext}`;

function attachment(reply: FastifyReply, type: string, filename: string) {
  return reply
    .header("Content-Type", type)
    .header("Content-Disposition", `attachment; filename="${filename}"`)
    .header("X-Content-Type-Options", "nosniff")
    .header("Cache-Control", "private, no-store");
}

/**
 * Streamed exports of list views (records.read, the caller's visibility, the global rate
 * limit). Not JSON, so registered here rather than as contract endpoints; the query schema
 * is the contract's all the same.
 */
export function registerExportRoutes(app: FastifyInstance, deps: ExportDeps) {
  const onRequest = async (req: FastifyRequest) => {
    req.principal = await authenticate(deps.auth, req);
  };
  const principalOf = (req: FastifyRequest) => {
    const p = req.principal as Principal;
    requirePermission(p, "records.read");
    return p;
  };

  for (const [object, plural, tag] of [
    ["contact", "contacts", "People"],
    ["company", "companies", "Companies"],
  ] as const) {
    app.get(
      `/api/v1/${plural}/export.csv`,
      { schema: { summary: `Export a list view of ${plural} as CSV`, tags: [tag], querystring: exportQuerySchema, security }, onRequest },
      async (req, reply) => {
        const stream = await exportCsv(deps, principalOf(req), object, req.query as ExportQuery);
        return attachment(reply, "text/csv; charset=utf-8", exportFilename(object, "csv")).send(stream);
      },
    );
  }

  app.get(
    "/api/v1/contacts/export.vcf",
    {
      schema: { summary: "Export a list view of people as vCard 4.0", tags: ["People"], querystring: exportQuerySchema, security },
      onRequest,
    },
    async (req, reply) => {
      const stream = await exportVcard(deps, principalOf(req), req.query as ExportQuery);
      return attachment(reply, "text/vcard; charset=utf-8", exportFilename("contact", "vcf")).send(stream);
    },
  );
}

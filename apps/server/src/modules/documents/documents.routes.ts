import multipart from "@fastify/multipart";
import { companyEndpoints, contactEndpoints, documentEndpoints, documentSchema, idParamsSchema } from "@rapport/contract";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { type Authenticator, authenticate } from "../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import type { FileStorage } from "../../platform/storage/storage.js";
import { recordVisibility } from "../iam/index.js";
import { ENTITY_CODE, gatedPage, type RecordType, recordVisible, visibleRecords } from "../records/index.js";
import { deleteDocument, MAX_UPLOAD_BYTES, uploadDocument } from "./commands/save-document.js";
import { presentDocument } from "./documents.presenter.js";
import { documentsRepository } from "./documents.repository.js";
import { attachmentDisposition } from "./filename.rules.js";

export type DocumentsDeps = { db: Kysely<DB>; auth: Authenticator; storage: FileStorage };

const PLURAL: Record<RecordType, "contacts" | "companies"> = { contact: "contacts", company: "companies" };
const TAGS: Record<RecordType, string> = { contact: "People", company: "Companies" };
const security: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

export function registerDocumentRoutes(app: FastifyInstance, deps: DocumentsDeps) {
  const { db, auth } = deps;
  const onRequest = async (req: FastifyRequest) => {
    req.principal = await authenticate(auth, req);
  };
  const principalOf = (req: FastifyRequest) => req.principal as Principal;

  for (const [type, ep] of [
    ["contact", contactEndpoints.documents],
    ["company", companyEndpoints.documents],
  ] as const) {
    route(app, auth, ep, async ({ principal, params, query }) => {
      requirePermission(principal, "records.read");
      const v = await recordVisibility(db, principal);
      // The record's visibility is checked by the page's own statement (decision 0035).
      const gate = recordVisible(principal.workspaceId, type, params.id, v);
      const page = await gatedPage(
        () => documentsRepository.ofRecord(db, principal.workspaceId, ENTITY_CODE[type], params.id, query, gate),
        () => visibleRecords(db, principal.workspaceId, type, [params.id], v, { includeDeleted: true }),
        type,
      );
      return { items: page.rows.map(presentDocument), nextCursor: page.nextCursor };
    });
  }

  route(app, auth, documentEndpoints.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "records.write");
    await deleteDocument(deps, req, principal, params.id);
    return undefined;
  });

  // The bytes of a document: not JSON, so registered here rather than as a contract endpoint.
  app.get(
    "/api/v1/documents/:id/download",
    {
      schema: { summary: "Download a document (always as an attachment)", tags: ["Documents"], params: idParamsSchema, security },
      onRequest,
    },
    async (req, reply) => {
      const p = principalOf(req);
      requirePermission(p, "records.read");
      const { id } = req.params as { id: string };
      const row = await documentsRepository.byId(db, p.workspaceId, id, await recordVisibility(db, p));
      if (!row) throw notFound("document");
      const stream = await deps.storage.get(row.storage_key);
      return reply
        .header("Content-Type", row.content_type)
        .header("Content-Length", String(row.size_bytes))
        .header("Content-Disposition", attachmentDisposition(row.filename))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .send(stream);
    },
  );

  // Multipart parsing exists only in this scope: every other route keeps accepting JSON alone.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 }, throwFileSizeLimit: false });
    for (const type of ["contact", "company"] as const) {
      scope.post(
        `/api/v1/${PLURAL[type]}/:id/documents`,
        {
          schema: {
            summary: `Attach a document (multipart/form-data, one file, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)`,
            tags: [TAGS[type]],
            consumes: ["multipart/form-data"],
            params: idParamsSchema,
            response: { 201: documentSchema },
            security,
          },
          config: { successStatus: 201 },
          onRequest,
        },
        async (req, reply) => {
          const p = principalOf(req);
          requirePermission(p, "records.write");
          const document = await uploadDocument(deps, req, p, type, (req.params as { id: string }).id);
          return reply.status(201).send(document);
        },
      );
    }
  });
}

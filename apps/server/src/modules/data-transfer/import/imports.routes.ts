import multipart from "@fastify/multipart";
import { importEndpoints as ep, idParamsSchema, importObjectTypeSchema, importSchema } from "@rapport/contract";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import { type Authenticator, authenticate } from "../../../platform/auth/authenticator.js";
import { actorOf, type Principal, requirePermission } from "../../../platform/auth/principal.js";
import { decodeCursor, encodeCursor } from "../../../platform/db/list-query/parse.js";
import type { DB } from "../../../platform/db/schema.js";
import { runCommand } from "../../../platform/http/command.js";
import { badRequest, notFound, ProblemError } from "../../../platform/http/problem.js";
import { route } from "../../../platform/http/route.js";
import type { FileStorage } from "../../../platform/storage/storage.js";
import { defaultCountryOf, insertImport, inspectUpload, newImportId } from "./commands/create-import.js";
import { callerOf, startImport, updateImport } from "./commands/start-import.js";
import { undoImport } from "./commands/undo-import.js";
import { errorReport } from "./error-report.js";
import { MAX_IMPORT_BYTES } from "./import-file.js";
import { ImportQueue } from "./import-queue.js";
import { customDefsOf } from "./import-targets.js";
import { presentImport, presentImportSummary } from "./imports.presenter.js";
import { importsRepository, importViewer } from "./imports.repository.js";
import { VCARD_DELIMITER } from "./vcard-cards.rules.js";

export type ImportsDeps = { db: Kysely<DB>; auth: Authenticator; storage: FileStorage };

const security: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const uploadQuerySchema = z.strictObject({ objectType: importObjectTypeSchema.optional() });

/** What the file holds: `?objectType=` or a form field `objectType` sent before the file; people by default. */
function objectTypeOf(query: unknown, field: unknown) {
  const fromField = (field as { value?: unknown } | undefined)?.value;
  const parsed = importObjectTypeSchema.optional().safeParse(fromField ?? (query as { objectType?: string }).objectType);
  if (!parsed.success)
    throw badRequest("validation_failed", "The request is not valid.", [{ path: "query.objectType", message: "contact or company" }]);
  return parsed.data ?? "contact";
}

/** Control characters and bidi overrides: never part of a file name shown to people. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** A file name is a label: its last path segment, cleaned, at most 255 characters. */
function label(name: string | undefined): string {
  const last = (name ?? "").split(/[/\\]/).pop() ?? "";
  return [...last.replace(UNSAFE, "").trim()].slice(0, 255).join("") || "import.csv";
}

/** The position after the last error of a page: its row and its place within the row. */
function errorCursor(cursor: string) {
  const [row, seq] = decodeCursor(cursor, 2).values.map(Number);
  if (!Number.isSafeInteger(row) || !Number.isSafeInteger(seq)) throw badRequest("invalid_cursor", "The cursor is not valid.");
  return { row: row as number, seq: seq as number };
}

export function registerImportRoutes(app: FastifyInstance, deps: ImportsDeps) {
  const { db, auth } = deps;
  const queue = new ImportQueue(db);
  const onRequest = async (req: FastifyRequest) => {
    req.principal = await authenticate(auth, req);
  };

  async function visible(p: Principal, id: string) {
    const row = await importsRepository.byId(db, p.workspaceId, id, importViewer(p));
    if (!row) throw notFound("import");
    return row;
  }

  route(app, auth, ep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.write");
    const before = query.cursor ? decodeCursor(query.cursor, 0).id : null;
    const rows = await importsRepository.list(db, principal.workspaceId, importViewer(principal), before, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(presentImportSummary), nextCursor: rows.length > query.limit && last ? encodeCursor([], last.id) : null };
  });

  route(app, auth, ep.errors, async ({ principal, params, query }) => {
    requirePermission(principal, "records.write");
    const row = await visible(principal, params.id);
    const after = query.cursor ? errorCursor(query.cursor) : { row: 0, seq: 0 };
    const rows = await importsRepository.errors(db, principal.workspaceId, row.id, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((e) => ({ row: Number(e.row_number), column: e.column_name, reason: e.reason })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([String(last.row_number), String(last.seq)], row.id) : null,
    };
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.write");
    const row = await visible(principal, params.id);
    const customDefs = await customDefsOf(db, principal.workspaceId, row.object_type);
    return presentImport(row, { customDefs, defaultCountry: await defaultCountryOf(db, principal.workspaceId) });
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, (tx) => updateImport(tx, callerOf(principal), params.id, body));
  });

  route(app, auth, ep.start, async ({ principal, params, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, (tx) => startImport(tx, callerOf(principal), params.id, queue));
  });

  route(app, auth, ep.undo, async ({ principal, params, req }) => {
    requirePermission(principal, "records.delete");
    return runCommand(db, req, (tx) => undoImport(tx, actorOf(principal), importViewer(principal), params.id));
  });

  app.get(
    "/api/v1/imports/:id/errors.csv",
    { schema: { summary: "The rows an import rejected, and why (CSV)", tags: ["Imports"], params: idParamsSchema, security }, onRequest },
    async (req, reply) => {
      const p = req.principal as Principal;
      requirePermission(p, "records.write");
      const row = await visible(p, (req.params as { id: string }).id);
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="import-errors-${row.id}.csv"`)
        .header("Cache-Control", "private, no-store")
        .send(errorReport(db, p.workspaceId, row.id));
    },
  );

  // Multipart parsing exists only in this scope: every other route keeps accepting JSON alone.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 11 }, throwFileSizeLimit: false });
    scope.post(
      "/api/v1/imports",
      {
        schema: {
          summary: "Upload a CSV file of people (or, with objectType=company, companies) to import (multipart/form-data, one file)",
          tags: ["Imports"],
          consumes: ["multipart/form-data"],
          querystring: uploadQuerySchema,
          response: { 201: importSchema },
          security,
        },
        config: { successStatus: 201 },
        onRequest,
      },
      async (req, reply) => {
        const p = req.principal as Principal;
        requirePermission(p, "records.write");
        if (!req.isMultipart()) throw new ProblemError(415, "unsupported_media_type", "Send the file as multipart/form-data.");
        const part = await req.file();
        if (!part) throw badRequest("validation_failed", "The request is not valid.", [{ path: "body.file", message: "attach a file" }]);
        const objectType = objectTypeOf(req.query, part.fields.objectType);
        const id = newImportId();
        const file = await inspectUpload(deps.storage, p.workspaceId, id, part.file);
        try {
          if (part.file.truncated)
            throw new ProblemError(413, "file_too_large", `Import files can be at most ${MAX_IMPORT_BYTES / 1024 ** 3} GB.`);
          if (objectType === "company" && file.delimiter === VCARD_DELIMITER)
            throw new ProblemError(422, "unreadable_file", "Companies are imported from CSV files; vCard files hold people.");
          const filename = label(part.filename);
          // The Idempotency-Key's request hash covers the body; here that is the uploaded file.
          req.body = { filename, sha256: file.sha256, objectType };
          const created = await runCommand(db, req, (tx) => insertImport(tx, actorOf(p), { ...file, id, filename, objectType }));
          return reply.status(201).send(created);
        } catch (err) {
          await deps.storage.delete(file.key);
          throw err;
        }
      },
    );
  });
}

import type {} from "@fastify/multipart";
import type { DocumentInfo } from "@rapport/contract";
import type { FastifyRequest } from "fastify";
import type { Kysely, Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { actorOf, type Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { runCommand } from "../../../platform/http/command.js";
import { badRequest, notFound, ProblemError } from "../../../platform/http/problem.js";
import type { FileStorage } from "../../../platform/storage/storage.js";
import { recordVisibility } from "../../iam/index.js";
import { ENTITY_CODE, RECORD_TYPE, type RecordType, visibleRecords } from "../../records/index.js";
import { documentSnapshot, presentDocument } from "../documents.presenter.js";
import { documentsRepository } from "../documents.repository.js";
import { classify, FileSampler } from "../file-type.rules.js";
import { safeFilename } from "../filename.rules.js";

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
type Deps = { db: Kysely<DB>; storage: FileStorage };

/** The live person or company the caller may see, else 404 (other workspaces' ids included). */
async function requireRecord(q: Kysely<DB> | Transaction<DB>, p: Principal, type: RecordType, id: string) {
  const [record] = await visibleRecords(q, p.workspaceId, type, [id], await recordVisibility(q, p));
  if (!record) throw notFound(type);
}

/**
 * Stores the one file of a multipart request and attaches it to a record. The bytes are
 * written before the transaction (they can be large); anything that fails afterwards —
 * type, size, the record gone meanwhile, an idempotent replay — removes them again.
 */
export async function uploadDocument(
  deps: Deps,
  req: FastifyRequest,
  p: Principal,
  type: RecordType,
  recordId: string,
): Promise<DocumentInfo> {
  await requireRecord(deps.db, p, type, recordId);
  if (!req.isMultipart()) throw new ProblemError(415, "unsupported_media_type", "Send the file as multipart/form-data.");
  const part = await req.file();
  if (!part) throw badRequest("validation_failed", "The request is not valid.", [{ path: "body.file", message: "attach a file" }]);
  const ws = p.workspaceId;
  const id = uuidv7();
  const key = `${ws}/${id}`;
  const filename = safeFilename(part.filename);
  const sampler = new FileSampler();
  part.file.on("error", (err: Error) => sampler.destroy(err));
  const stored = await deps.storage.put(key, part.file.pipe(sampler));
  try {
    if (part.file.truncated) throw new ProblemError(413, "file_too_large", `Files can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    const contentType = classify(sampler.sample(), filename);
    if (!contentType) {
      throw new ProblemError(
        415,
        "unsupported_file_type",
        "Only PDF, images (PNG, JPEG, GIF, WebP), office documents (Word, Excel, PowerPoint, OpenDocument) and UTF-8 text or CSV files can be attached.",
      );
    }
    // The Idempotency-Key's request hash covers the body; here that is the uploaded file.
    req.body = { recordId, filename, sha256: stored.sha256 };
    return await runCommand(deps.db, req, async (tx) => {
      await requireRecord(tx, p, type, recordId);
      const row = await documentsRepository.insert(tx, {
        workspace_id: ws,
        id,
        entity_type: ENTITY_CODE[type],
        entity_id: recordId,
        filename,
        content_type: contentType,
        size_bytes: stored.size,
        sha256: stored.sha256,
        storage_key: key,
        uploaded_by: p.userId,
      });
      await recordEvent(tx, actorOf(p), {
        type: "document.created",
        entityType: "document",
        entityId: id,
        payload: { after: documentSnapshot(row), recordType: type, recordId },
      });
      return presentDocument(row);
    });
  } catch (err) {
    await deps.storage.delete(key);
    throw err;
  }
}

/** Removes a document of a record the caller may see; its bytes go once the removal is committed. */
export async function deleteDocument(deps: Deps, req: FastifyRequest, p: Principal, id: string) {
  const key = await runCommand(deps.db, req, async (tx) => {
    const row = await documentsRepository.byId(tx, p.workspaceId, id, await recordVisibility(tx, p), { forUpdate: true });
    if (!row) throw notFound("document");
    await documentsRepository.delete(tx, p.workspaceId, id);
    await recordEvent(tx, actorOf(p), {
      type: "document.deleted",
      entityType: "document",
      entityId: id,
      payload: { before: documentSnapshot(row), recordType: RECORD_TYPE[row.entity_type], recordId: row.entity_id },
    });
    return row.storage_key;
  });
  // A failure here leaves an unreferenced file, never a document without its bytes.
  await deps.storage.delete(key).catch((err) => req.log.warn({ err, key }, "could not remove a deleted document's file"));
}

import type { DocumentInfo } from "@rapport/contract";
import type { DocumentRow } from "./documents.repository.js";

export function presentDocument(d: DocumentRow): DocumentInfo {
  return {
    id: d.id,
    filename: d.filename,
    contentType: d.content_type,
    sizeBytes: Number(d.size_bytes),
    uploadedBy: d.uploaded_by,
    createdAt: new Date(d.created_at).toISOString(),
  };
}

/** The audited facts of a document (events and the audit trail): never its bytes. */
export function documentSnapshot(d: DocumentRow) {
  return { filename: d.filename, contentType: d.content_type, sizeBytes: Number(d.size_bytes), sha256: d.sha256 };
}

import type { Readable } from "node:stream";
import type { Import } from "@rapport/contract";
import type { Kysely, Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../../../platform/auth/principal.js";
import type { DB } from "../../../../platform/db/schema.js";
import { recordEvent } from "../../../../platform/events/outbox.js";
import { badRequest, ProblemError } from "../../../../platform/http/problem.js";
import type { FileStorage } from "../../../../platform/storage/storage.js";
import { iamRepository } from "../../../iam/index.js";
import { detectDelimiter, detectEncoding } from "../encoding.rules.js";
import { decodeHead, readHead, storeUpload } from "../import-file.js";
import { customDefsOf, type ImportObject, targetsOf } from "../import-targets.js";
import { presentImport } from "../imports.presenter.js";
import { importsRepository } from "../imports.repository.js";
import { suggestMapping } from "../mapping.rules.js";
import { looksLikeVcard, VCARD_DELIMITER } from "../vcard-cards.rules.js";

export const PREVIEW_ROWS = 20;
export const MAX_COLUMNS = 20_000;

export type StoredFile = Awaited<ReturnType<typeof inspectUpload>>;

/**
 * Stores an uploaded file and reads what the import needs to know about it: encoding,
 * delimiter, header and the first rows. The file is removed again when it is not a CSV this
 * importer can read.
 */
export async function inspectUpload(storage: FileStorage, workspaceId: string, id: string, file: Readable) {
  const key = `${workspaceId}/${id}`;
  const stored = await storeUpload(storage, key, file);
  try {
    if (stored.size === 0) throw badRequest("empty_file", "The file is empty.", [{ path: "body.file", message: "empty" }]);
    const encoding = detectEncoding(stored.head, stored.validUtf8);
    const text = decodeHead(stored.head, encoding);
    const delimiter = looksLikeVcard(text) ? VCARD_DELIMITER : detectDelimiter(text);
    let head: string[][];
    try {
      head = await readHead(storage, key, { encoding, delimiter }, PREVIEW_ROWS + 1);
    } catch (err) {
      throw new ProblemError(422, "unreadable_file", `The file is not a CSV or vCard file that can be read: ${(err as Error).message}`);
    }
    const [header, ...sample] = head;
    if (!header || header.every((h) => !h.trim())) throw new ProblemError(422, "no_header", "The first row must name the columns.");
    if (header.length > MAX_COLUMNS) throw new ProblemError(422, "too_many_columns", `At most ${MAX_COLUMNS} columns.`);
    const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
    return { key, size: stored.size, sha256: stored.sha256, encoding, delimiter, headers, sample };
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
}

/** Records an inspected file as an import of people (or companies), with the suggested mapping in force. */
export async function insertImport(
  tx: Transaction<DB>,
  actor: Actor,
  file: StoredFile & { id: string; filename: string; objectType?: ImportObject },
): Promise<Import> {
  const ws = actor.workspaceId;
  const objectType = file.objectType ?? "contact";
  const customDefs = await customDefsOf(tx, ws, objectType);
  const { targets, aliases } = targetsOf(objectType, customDefs);
  const suggested = suggestMapping(file.headers, targets, aliases);
  const row = await importsRepository.insert(tx, {
    workspace_id: ws,
    id: file.id,
    object_type: objectType,
    status: "uploaded",
    filename: file.filename,
    storage_key: file.key,
    size_bytes: file.size,
    sha256: file.sha256,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: JSON.stringify(file.headers),
    sample: JSON.stringify(file.sample),
    mapping: JSON.stringify(suggested),
    suggested_mapping: JSON.stringify(suggested),
    created_by_type: actor.type,
    created_by_id: actor.id,
    principal: null,
  });
  await recordEvent(tx, actor, {
    type: "import.created",
    entityType: "import",
    entityId: row.id,
    payload: { filename: row.filename, sizeBytes: file.size, rows: null },
  });
  return presentImport(row, { customDefs, defaultCountry: await defaultCountryOf(tx, ws) });
}

export async function defaultCountryOf(q: Kysely<DB> | Transaction<DB>, workspaceId: string) {
  return (await iamRepository.workspaceById(q, workspaceId))?.default_country ?? "US";
}

export const newImportId = () => uuidv7();

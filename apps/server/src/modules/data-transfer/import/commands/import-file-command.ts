import type { Readable } from "node:stream";
import type { Import, updateImportBodySchema } from "@rapport/contract";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { systemActor } from "../../../../platform/auth/principal.js";
import type { DB } from "../../../../platform/db/schema.js";
import { ProblemError } from "../../../../platform/http/problem.js";
import type { FileStorage } from "../../../../platform/storage/storage.js";
import type { ImportObject } from "../import-targets.js";
import { type ImportRow, importsRepository } from "../imports.repository.js";
import { withImports } from "../imports.tables.js";
import { insertImport, inspectUpload, newImportId } from "./create-import.js";
import { type ImportCaller, markStarted, updateImport } from "./start-import.js";

export type ImportFileDeps = { db: Kysely<DB>; storage: FileStorage };
type Settings = z.output<typeof updateImportBodySchema>;

/** A problem as one line for a terminal, with its field errors. */
const describe = (err: unknown) =>
  err instanceof ProblemError && err.extra.errors?.length
    ? new Error(`${err.message} ${err.extra.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`)
    : err;

/**
 * An import of a local file by the system (the CLI), set up and marked started in one
 * transaction (a rejected setting leaves nothing behind). The same file (by SHA-256) whose
 * import by the system did not finish is resumed instead, with its own settings.
 */
export async function openImportFile(
  deps: ImportFileDeps,
  workspaceId: string,
  filename: string,
  file: Readable,
  settings: (upload: Import) => Settings,
  objectType: ImportObject = "contact",
): Promise<{ row: ImportRow; resumed: boolean }> {
  const caller: ImportCaller = { actor: systemActor(workspaceId), viewer: null, principal: null };
  const id = newImportId();
  const inspected = await inspectUpload(deps.storage, workspaceId, id, file);
  try {
    const unfinished = await withImports(deps.db)
      .selectFrom("imports")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("sha256", "=", inspected.sha256)
      .where("object_type", "=", objectType)
      .where("created_by_type", "=", "system")
      .where("status", "in", ["queued", "running"])
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (unfinished) {
      await deps.storage.delete(inspected.key);
      return { row: (await importsRepository.byId(deps.db, workspaceId, unfinished.id, null)) as ImportRow, resumed: true };
    }
    await deps.db.transaction().execute(async (tx) => {
      const upload = await insertImport(tx, caller.actor, { ...inspected, id, filename, objectType });
      await updateImport(tx, caller, id, settings(upload));
      await markStarted(tx, caller, id);
    });
  } catch (err) {
    await deps.storage.delete(inspected.key);
    throw describe(err);
  }
  return { row: (await importsRepository.byId(deps.db, workspaceId, id, null)) as ImportRow, resumed: false };
}

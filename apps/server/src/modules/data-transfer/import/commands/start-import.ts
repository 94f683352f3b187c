import type { Import, updateImportBodySchema } from "@rapport/contract";
import type { Transaction } from "kysely";
import type { z } from "zod";
import { type Actor, actorOf, type Principal } from "../../../../platform/auth/principal.js";
import type { DB } from "../../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../../platform/events/outbox.js";
import { badRequest, conflict, notFound } from "../../../../platform/http/problem.js";
import type { ImportQueue } from "../import-queue.js";
import { customDefsOf, targetsOf } from "../import-targets.js";
import { presentImport } from "../imports.presenter.js";
import { type ImportRow, type ImportViewer, importsRepository, importViewer } from "../imports.repository.js";
import { matchColumnMissing } from "../match-keys.rules.js";
import { defaultCountryOf } from "./create-import.js";

type UpdateInput = z.output<typeof updateImportBodySchema>;

const ZERO = { rows_done: 0, created_count: 0, updated_count: 0, skipped_count: 0, failed_count: 0, busy_ms: 0 };

/** Who changes an import: a caller of the API, or the system (the CLI, which sees every import). */
export type ImportCaller = { actor: Actor; viewer: ImportViewer | null; principal: Principal | null };

export const callerOf = (p: Principal): ImportCaller => ({ actor: actorOf(p), viewer: importViewer(p), principal: p });

/** Settings can change, and an import start, before it runs or after a dry run. */
async function openForChange(tx: Transaction<DB>, c: ImportCaller, id: string): Promise<ImportRow> {
  const row = await importsRepository.byId(tx, c.actor.workspaceId, id, c.viewer, { forUpdate: true });
  if (!row) throw notFound("import");
  const editable = row.status === "uploaded" || (row.status === "completed" && row.dry_run);
  if (!editable) throw conflict("import_started", "This import has started; upload the file again to import it differently.");
  return row;
}

async function present(tx: Transaction<DB>, row: ImportRow): Promise<Import> {
  const customDefs = await customDefsOf(tx, row.workspace_id, row.object_type);
  return presentImport(row, { customDefs, defaultCountry: await defaultCountryOf(tx, row.workspace_id) });
}

/** Sets the mapping, match strategy and dry run; after a dry run, this makes the import new again. */
export async function updateImport(tx: Transaction<DB>, c: ImportCaller, id: string, input: UpdateInput): Promise<Import> {
  const ws = c.actor.workspaceId;
  const row = await openForChange(tx, c, id);
  const headers = row.headers as string[];
  if (input.mapping) {
    const { targets } = targetsOf(row.object_type, await customDefsOf(tx, ws, row.object_type));
    const byKey = new Map(targets.map((t) => [t.key, t]));
    const errors: { path: string; message: string }[] = [];
    if (input.mapping.length !== headers.length) errors.push({ path: "body.mapping", message: `one entry per column (${headers.length})` });
    input.mapping.forEach((target, i) => {
      if (target === null) return;
      const t = byKey.get(target);
      if (!t) errors.push({ path: `body.mapping.${i}`, message: `unknown field "${target}"` });
      else if (!t.multiple && input.mapping?.indexOf(target) !== i)
        errors.push({ path: `body.mapping.${i}`, message: `"${target}" is mapped twice` });
    });
    if (errors.length) throw badRequest("validation_failed", "The mapping is not valid.", errors);
  }
  checkMatchColumn(input.matchBy ?? row.match_by, input.mapping ?? (row.mapping as (string | null)[]));
  if (row.status === "completed") await importsRepository.resetRun(tx, ws, id);
  const after = await importsRepository.update(tx, ws, id, {
    ...(input.mapping ? { mapping: JSON.stringify(input.mapping) } : {}),
    ...(input.matchBy ? { match_by: input.matchBy } : {}),
    ...(input.onMatch ? { on_match: input.onMatch } : {}),
    ...(input.dryRun !== undefined ? { dry_run: input.dryRun } : {}),
    ...(row.status === "completed" ? { ...ZERO, status: "uploaded" as const, started_at: null, finished_at: null } : {}),
  });
  const settings = (r: ImportRow) => ({ mapping: r.mapping, matchBy: r.match_by, onMatch: r.on_match, dryRun: r.dry_run });
  await recordEvent(tx, c.actor, {
    type: "import.updated",
    entityType: "import",
    entityId: id,
    payload: { changes: diff(settings(row), settings(after)) },
  });
  return present(tx, after);
}

/** Matching by external id needs a column mapped to it (emails and phones only warn: rows then simply create). */
function checkMatchColumn(matchBy: ImportRow["match_by"], mapping: (string | null)[]) {
  if (matchColumnMissing(matchBy, mapping))
    throw badRequest("match_column_not_mapped", "Map a column to External ID to match rows by external id.", [
      { path: "body.matchBy", message: "no column is mapped to externalId" },
    ]);
}

/**
 * Marks the import to be run, acting with the caller's rights (stored on the import). The
 * API then queues its job in the same transaction; the CLI runs it in its own process.
 */
export async function markStarted(tx: Transaction<DB>, c: ImportCaller, id: string): Promise<Import> {
  const ws = c.actor.workspaceId;
  const row = await openForChange(tx, c, id);
  const mapping = row.mapping as (string | null)[];
  if (!mapping.some((t) => t === "firstName" || t === "lastName" || t === "name")) {
    const what = row.object_type === "company" ? "the company name" : "the first, last or full name";
    throw badRequest("name_not_mapped", `Map a column to ${what}.`, [{ path: "body.mapping", message: "no name column" }]);
  }
  checkMatchColumn(row.match_by, mapping);
  if (row.status === "completed") await importsRepository.resetRun(tx, ws, id);
  const after = await importsRepository.update(tx, ws, id, {
    ...ZERO,
    status: "queued",
    principal: c.principal ? JSON.stringify({ ...c.principal, sessionId: null }) : null,
    started_at: null,
    finished_at: null,
    last_error: null,
  });
  await recordEvent(tx, c.actor, { type: "import.started", entityType: "import", entityId: id, payload: { dryRun: row.dry_run } });
  return present(tx, after);
}

export async function startImport(tx: Transaction<DB>, c: ImportCaller, id: string, queue: ImportQueue): Promise<Import> {
  const started = await markStarted(tx, c, id);
  await queue.enqueue(tx, { workspaceId: c.actor.workspaceId, importId: id });
  return started;
}

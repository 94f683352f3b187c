import type { Kysely } from "kysely";
import { type Actor, actorOf, type Principal, systemActor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { type CustomFieldRow, customFieldsRepository } from "../../custom-fields/index.js";
import { canSeeOwner, iamRepository, type RecordVisibility, recordVisibility } from "../../iam/index.js";
import type { ImportRow } from "./imports.repository.js";
import type { RowContext } from "./row-values.rules.js";

/** Everything a batch needs that does not change while an import runs. */
export type ImportRunContext = {
  ws: string;
  importId: string;
  /** What the rows are: people, or companies. */
  objectType: "contact" | "company";
  actor: Actor;
  visibility: RecordVisibility;
  /** Owner of new records: the user who started the import (none for API keys and the CLI). */
  defaultOwner: string | null;
  matchBy: "email" | "phone" | "externalId";
  onMatch: "update" | "skip" | "create";
  dryRun: boolean;
  row: RowContext;
  contactDefs: CustomFieldRow[];
  companyDefs: CustomFieldRow[];
  /** An "Owner" cell names a user by email (or id); the importer must be allowed to assign them. */
  resolveOwner(cell: string): { id: string } | { error: string };
};

/**
 * The import acts as the principal who started it (stored on the import at start), with the
 * record visibility that principal has now; imports from the CLI act as the system.
 */
export async function loadRunContext(db: Kysely<DB>, row: ImportRow): Promise<ImportRunContext> {
  const ws = row.workspace_id;
  const principal = (row.principal as Principal | null) ?? null;
  const visibility = principal ? await recordVisibility(db, principal) : ({ all: true } as const);
  const users = await db.selectFrom("users").select(["id", "email"]).where("workspace_id", "=", ws).where("active", "=", true).execute();
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const ids = new Set(users.map((u) => u.id));
  const country = (await iamRepository.workspaceById(db, ws))?.default_country ?? "US";
  const contactDefs = await customFieldsRepository.list(db, ws, "contact");
  const companyDefs = await customFieldsRepository.list(db, ws, "company");
  return {
    ws,
    importId: row.id,
    objectType: row.object_type,
    actor: principal ? actorOf(principal) : systemActor(ws),
    visibility,
    defaultOwner: principal?.actorType === "user" ? principal.userId : null,
    matchBy: row.match_by,
    onMatch: row.on_match,
    dryRun: row.dry_run,
    row: {
      headers: row.headers as string[],
      mapping: row.mapping as (string | null)[],
      customDefs: row.object_type === "company" ? companyDefs : contactDefs,
      defaultCountry: country,
    },
    contactDefs,
    companyDefs,
    resolveOwner(cell) {
      const v = cell.trim().toLowerCase();
      const id = byEmail.get(v) ?? (ids.has(v) ? v : undefined);
      if (!id) return { error: "not a user of this workspace" };
      if (!canSeeOwner(visibility, id)) return { error: "you can only assign records to yourself or your teammates" };
      return { id };
    },
  };
}

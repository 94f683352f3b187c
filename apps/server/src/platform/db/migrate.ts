import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import type { Logger } from "../logging/logger.js";

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../db/migrations");

export type MigrationFile = { version: string; file: string; sql: string; checksum: string };

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), "utf8");
      return {
        version: file.replace(/\.sql$/, ""),
        file,
        sql,
        checksum: crypto.createHash("sha256").update(sql).digest("hex"),
      };
    });
}

/** Latest migration version applied, which backups record so a restore can check it. */
export async function schemaVersion(client: pg.ClientBase): Promise<string | undefined> {
  const res = await client.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1");
  return res.rows[0]?.version;
}

export type MigrateOptions = {
  /**
   * Stop after this version. A restore migrates an empty database exactly to the schema the
   * backup was taken with, loads the data, and only then runs the newer migrations over it.
   */
  upTo?: string;
};

/**
 * Applies pending migrations, forward only, each in its own transaction. An advisory lock
 * serialises concurrent starts of several API/worker copies against one database.
 */
export async function migrate(admin: pg.ClientBase, log: Logger, options: MigrateOptions = {}): Promise<string[]> {
  const all = listMigrations();
  const { upTo } = options;
  if (upTo !== undefined && !all.some((m) => m.version === upTo)) {
    throw new Error(`unknown schema version ${upTo}: this Rapport has no such migration`);
  }
  await admin.query("SELECT pg_advisory_lock(7212025)");
  try {
    await admin.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    await admin.query("GRANT SELECT ON schema_migrations TO rapport_runtime");
    const done = new Map(
      (await admin.query<{ version: string; checksum: string }>("SELECT version, checksum FROM schema_migrations")).rows.map((r) => [
        r.version,
        r.checksum,
      ]),
    );
    const applied: string[] = [];
    for (const m of all) {
      // Versions are timestamps, so they sort in the order the files apply.
      if (upTo !== undefined && m.version > upTo) break;
      const previous = done.get(m.version);
      if (previous !== undefined) {
        if (previous !== m.checksum) log.warn({ migration: m.file }, "an applied migration was edited; migrations are forward only");
        continue;
      }
      // Some migrations rewrite data (e.g. 0030's search pairs take minutes at a million
      // people): say which one runs so a long start is not mistaken for a hang.
      log.info({ migration: m.file }, "applying migration");
      await admin.query("BEGIN");
      try {
        await admin.query(m.sql);
        await admin.query("INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)", [m.version, m.checksum]);
        await admin.query("COMMIT");
      } catch (err) {
        await admin.query("ROLLBACK");
        throw new Error(`migration ${m.file} failed: ${(err as Error).message}`);
      }
      log.info({ migration: m.file }, "migration applied");
      applied.push(m.version);
    }
    return applied;
  } finally {
    await admin.query("SELECT pg_advisory_unlock(7212025)");
  }
}

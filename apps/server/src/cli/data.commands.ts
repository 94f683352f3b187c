import path from "node:path";
import cliProgress from "cli-progress";
import { type Command, Option } from "commander";
import pg from "pg";
import { seedDemoWorkspace, seedLargeWorkspace } from "../modules/demo/index.js";
import { backupDatabase } from "../platform/db/backup.js";
import { restoreDatabase } from "../platform/db/restore.js";
import { withDatabase } from "./context.js";

function progressBar(label: string) {
  return new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} {unit} | {detail}`,
      hideCursor: true,
      stream: process.stderr,
      // Logs and CI have no terminal: print a line every few seconds instead.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
}

export function registerDataCommands(program: Command) {
  program
    .command("seed")
    .description("create the demo workspace (small) or a benchmark workspace with a million people (large)")
    .addOption(new Option("--size <size>", "how much data").choices(["small", "large"]).default("small"))
    .option("--count <n>", "people in the large workspace", "1000000")
    .action((opts: { size: "small" | "large"; count: string }) =>
      withDatabase(async ({ db, adminConnection }) => {
        const bar = progressBar("seed");
        if (opts.size === "small") {
          bar.start(1, 0, { unit: "workspaces", detail: "demo" });
          const exists = await db.selectFrom("workspaces").select("id").where("slug", "=", "demo").executeTakeFirst();
          if (!exists) await db.transaction().execute((tx) => seedDemoWorkspace(tx));
          bar.update(1, { detail: exists ? "already there" : "created" });
          bar.stop();
          return;
        }
        const count = Number(opts.count);
        if (!Number.isSafeInteger(count) || count < 1 || count > 50_000_000)
          throw new Error("--count: a whole number from 1 to 50,000,000");
        const started = Date.now();
        bar.start(count, 0, { unit: "people", detail: "" });
        const result = await seedLargeWorkspace(db, count, (done) => {
          const rate = done / ((Date.now() - started) / 1000);
          bar.update(done, { detail: `${Math.round(rate).toLocaleString()} rows/s` });
        });
        bar.stop();
        // Fresh statistics so the planner picks the indexes at once (the admin owns the tables).
        const admin = new pg.Client(adminConnection);
        await admin.connect();
        await admin.query("ANALYZE contacts; ANALYZE search_tokens; ANALYZE search_vocabulary;").finally(() => admin.end());
        process.stderr.write(
          `workspace "bench": ${result.created.toLocaleString()} people added in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
        );
      }),
    );

  program
    .command("backup <file>")
    .description("write a consistent snapshot of all data to a file (works while Rapport runs)")
    .action((file: string) =>
      withDatabase(async (database) => {
        const bar = progressBar("backup");
        let started = false;
        const result = await backupDatabase(database.adminConnection, path.resolve(file), {
          onProgress: (p) => {
            if (!started) bar.start(p.tablesTotal, 0, { unit: "tables", detail: "" });
            started = true;
            bar.update(p.tablesDone, { detail: `${p.table} (${p.rows.toLocaleString()} rows)` });
          },
        });
        bar.stop();
        process.stderr.write(
          `backed up ${result.rows.toLocaleString()} rows in ${result.tables} tables (${(result.bytes / 1e6).toFixed(1)} MB, schema ${result.schemaVersion}) to ${file}\n`,
        );
      }),
    );

  program
    .command("restore <file>")
    .description("restore a backup into an empty database (a fresh data directory or DATABASE_URL)")
    .action((file: string) =>
      withDatabase(
        async (database, log) => {
          const bar = progressBar("restore");
          let started = false;
          const result = await restoreDatabase(database.adminConnection, path.resolve(file), log, {
            onProgress: (p: { table: string; tablesDone: number; tablesTotal: number; rows: number }) => {
              if (!started) bar.start(p.tablesTotal, 0, { unit: "tables", detail: "" });
              started = true;
              bar.update(p.tablesDone, { detail: `${p.table} (${p.rows.toLocaleString()} rows)` });
            },
          });
          bar.stop();
          process.stderr.write(
            `restored ${result.rows.toLocaleString()} rows in ${result.tables} tables (schema ${result.schemaVersion})\n`,
          );
        },
        { migrate: false },
      ),
    );
}

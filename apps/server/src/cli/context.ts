import { loadConfig } from "../platform/config.js";
import { type Database, openDatabase } from "../platform/db/connection.js";
import { createLogger, type Logger } from "../platform/logging/logger.js";

/** Runs a CLI action with the database open (migrated), and always closes it. */
export async function withDatabase<T>(fn: (database: Database, log: Logger) => Promise<T>, opts = { migrate: true }): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn", "stderr");
  const database = await openDatabase(config, log, { migrate: opts.migrate, poolSize: 4, applicationName: "rapport-cli" });
  try {
    return await fn(database, log);
  } finally {
    await database.close();
  }
}

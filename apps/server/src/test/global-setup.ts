import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../platform/config.js";
import { type Database, openDatabase } from "../platform/db/connection.js";
import { createLogger } from "../platform/logging/logger.js";

/**
 * Starts one embedded PostgreSQL for the integration run, migrated, in a temporary
 * directory; test files join it through RAPPORT_DATA_DIR. Removed afterwards.
 */
let database: Database | undefined;
let dir: string | undefined;

export async function setup() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-test-"));
  process.env.RAPPORT_DATA_DIR = dir;
  database = await openDatabase(loadConfig({ RAPPORT_DATA_DIR: dir, NODE_ENV: "test" }), createLogger("warn", "stderr"), {
    migrate: true,
    poolSize: 2,
  });
}

export async function teardown() {
  await database?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

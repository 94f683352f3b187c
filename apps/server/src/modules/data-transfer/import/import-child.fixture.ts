/**
 * A separate process that runs one import like the import job does, for the kill -9 test:
 * it reports each batch that has been written but not yet committed, then waits there with
 * the transaction open, so the test can kill it at the worst moment. argv: workspace id,
 * import id, batch rows, the position (rows before the batch) to stop at.
 */
import path from "node:path";
import { loadConfig } from "../../../platform/config.js";
import { openDatabase } from "../../../platform/db/connection.js";
import { createLogger } from "../../../platform/logging/logger.js";
import { localDiskStorage } from "../../../platform/storage/storage.js";
import { runImport } from "./import-job.js";

const [workspaceId, importId, batchRows, stopAt] = process.argv.slice(2);
const config = loadConfig({ RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR, NODE_ENV: "test", RAPPORT_SERVE_WEB: "false" });
const database = await openDatabase(config, createLogger("silent"), { migrate: false, poolSize: 2 });
const storage = localDiskStorage(path.join(process.env.RAPPORT_DATA_DIR as string, "files"));
await runImport(
  { db: database.db, storage },
  { workspaceId: String(workspaceId), importId: String(importId) },
  {
    batchRows: Number(batchRows),
    beforeCommit: async (position) => {
      if (position !== Number(stopAt)) return;
      process.send?.({ inFlight: position });
      await new Promise(() => {});
    },
  },
);

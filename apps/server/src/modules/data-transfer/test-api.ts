import path from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { loadConfig } from "../../platform/config.js";
import { createHttpServer } from "../../platform/http/server.js";
import { createLogger } from "../../platform/logging/logger.js";
import { localDiskStorage } from "../../platform/storage/storage.js";
import type { TestApi, TestUser } from "../../test/harness.js";
import { companySearchResolver } from "../companies/index.js";
import { contactSearchResolver } from "../contacts/index.js";
import { createAuthenticator, iamRepository } from "../iam/index.js";
import { SearchService } from "../search/index.js";
import { registerDataTransferRoutes } from "./index.js";

/**
 * The data-transfer routes for integration tests: the test API itself once app.ts wires
 * them, until then a second server on the same database (sessions are rows, so the test
 * users' cookies work on both).
 */
export async function transferApp(api: TestApi): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  if (api.app.hasRoute({ method: "GET", url: "/api/v1/imports/:id" })) return { app: api.app, close: async () => {} };
  const config = loadConfig({ RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR, NODE_ENV: "test", RAPPORT_SERVE_WEB: "false" });
  const app = await createHttpServer(config, createLogger("silent"));
  const search = new SearchService(api.db);
  search.register("p", contactSearchResolver(api.db));
  search.register("c", companySearchResolver(api.db));
  registerDataTransferRoutes(app, {
    db: api.db,
    connection: api.database.appConnection,
    auth: createAuthenticator(api.db),
    storage: localDiskStorage(path.join(config.dataDir, "files")),
    search,
    defaultCountry: async (ws) => (await iamRepository.workspaceById(api.db, ws))?.default_country ?? "US",
  });
  await app.ready();
  return { app, close: () => app.close() };
}

export function asOn(app: FastifyInstance, user: TestUser, opts: InjectOptions) {
  return app.inject({ ...opts, headers: { ...user.headers, ...(opts.headers ?? {}) } });
}

/** A multipart/form-data body with one file. */
export function multipartFile(filename: string, bytes: Buffer) {
  const boundary = "----rapport-import-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

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

/** The file storage the import job reads uploads from: the test data directory's, as the worker's. */
export const importStorage = () => localDiskStorage(path.join(process.env.RAPPORT_DATA_DIR as string, "files"));

/** Uploads a file to import as `user` (`?objectType=company` for companies). */
export function uploadImport(app: FastifyInstance, user: TestUser, name: string, bytes: Buffer, query = "") {
  return asOn(app, user, { method: "POST", url: `/api/v1/imports${query}`, ...multipartFile(name, bytes) });
}

/** Calls a route as `user`, with a JSON body when given. */
export function callAs(app: FastifyInstance, user: TestUser, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return asOn(app, user, { method, url, ...(payload ? { payload } : {}) });
}

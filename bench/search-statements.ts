import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import type { DB } from "../apps/server/src/platform/db/schema.js";
import { BIN } from "./lib.js";

/** The sources of the server under test (another checkout's for a baseline, see BIN). */
const SRC = path.join(path.dirname(BIN), "..", "src");
const serverModule = <M>(file: string) => import(path.join(SRC, file)) as Promise<M>;

type Statement = { sql: string; parameters: readonly unknown[] };

/**
 * The statements the API sends PostgreSQL for each search, to time them directly (the
 * search "direct SQL" of bench/customers.bench.ts). They are recorded, not rewritten: the
 * code of the server under test (BIN's checkout: the authenticator, SearchService with the
 * vocabulary cache kept live by the same LISTEN connection, the contact, company and deal
 * resolvers, composed as in app.ts and called as the search route calls them) runs each
 * query once to warm up and once under a Kysely query log. `replay` then sends exactly
 * those statements (same text, same parameters) one after another on one connection of the
 * application role, over the same Unix socket and as named prepared statements like the
 * server's pool.
 */
export async function recordSearchStatements(dataDir: string, apiKey: string, queries: string[], limit: number) {
  const { companySearchResolver } =
    await serverModule<typeof import("../apps/server/src/modules/companies/index.js")>("modules/companies/index.ts");
  const { contactSearchResolver } =
    await serverModule<typeof import("../apps/server/src/modules/contacts/index.js")>("modules/contacts/index.ts");
  const { dealSearchResolver } = await serverModule<typeof import("../apps/server/src/modules/deals/index.js")>("modules/deals/index.ts");
  const { createAuthenticator, iamRepository } =
    await serverModule<typeof import("../apps/server/src/modules/iam/index.js")>("modules/iam/index.ts");
  const { SearchService, VocabularyCache } =
    await serverModule<typeof import("../apps/server/src/modules/search/index.js")>("modules/search/index.ts");
  const { loadConfig } = await serverModule<typeof import("../apps/server/src/platform/config.js")>("platform/config.ts");
  const { CacheInvalidation } =
    await serverModule<typeof import("../apps/server/src/platform/db/cache-invalidation.js")>("platform/db/cache-invalidation.ts");
  const { openDatabase } = await serverModule<typeof import("../apps/server/src/platform/db/connection.js")>("platform/db/connection.ts");
  const { createLogger } = await serverModule<typeof import("../apps/server/src/platform/logging/logger.js")>("platform/logging/logger.ts");
  const config = loadConfig({ ...process.env, RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const log = createLogger("warn", "stderr");
  const database = await openDatabase(config, log, { migrate: false, poolSize: 1, applicationName: "rapport-bench-sql" });
  const invalidation = new CacheInvalidation(database.appConnection, log);
  let recording: Statement[] | undefined;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: database.pool }),
    log(event) {
      if (event.level === "query" && recording) recording.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    await invalidation.start();
    const auth = createAuthenticator(db);
    const search = new SearchService(db, new VocabularyCache(db, invalidation));
    search.register("p", contactSearchResolver(db));
    search.register("c", companySearchResolver(db));
    search.register("d", dealSearchResolver(db));
    const principal = await auth.fromApiKey(apiKey);
    if (!principal) throw new Error("the bench API key is not valid");
    const defaultCountry = (await iamRepository.workspaceById(db, principal.workspaceId))?.default_country ?? "US";
    // What the search route does for one request (apps/server/src/modules/search/search.routes.ts
    // and `route` in platform/http/route.ts): a remembered API key's check goes to the search,
    // which evaluates it in its statement where the server under test does so (decision 0033);
    // a check left unverified, or no remembered key, costs the full lookup, as in the route.
    const asTheRouteDoes = async (q: string) => {
      const remembered = auth.rememberedApiKey(apiKey);
      const caller = remembered?.principal ?? (await auth.fromApiKey(apiKey));
      if (!caller) throw new Error("the bench API key is not valid");
      await search.search(caller, q, { limit, defaultCountry, credentialCheck: remembered?.check });
      if (remembered && !remembered.check.verified) await auth.fromApiKey(apiKey);
    };
    for (const q of queries) await asTheRouteDoes(q);
    const statements: Statement[][] = [];
    for (const q of queries) {
      recording = [];
      await asTheRouteDoes(q);
      statements.push(recording);
      recording = undefined;
    }
    const client = await database.pool.connect();
    return {
      statements,
      /** Sends the statements of query `i`, in order, each after the previous one's answer. */
      async replay(i: number) {
        for (const s of statements[i % statements.length] as Statement[]) await client.query(s.sql, s.parameters as unknown[]);
      },
      async close() {
        client.release();
        await invalidation.stop();
        await database.close();
      },
    };
  } catch (err) {
    await invalidation.stop();
    await database.close();
    throw err;
  }
}

import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { auditConsumer, registerAuditRoutes } from "./modules/audit/index.js";
import { companySearchResolver, registerCompanyRoutes } from "./modules/companies/index.js";
import { contactSearchResolver, registerContactRoutes } from "./modules/contacts/index.js";
import { registerCustomFieldRoutes } from "./modules/custom-fields/index.js";
import { dataTransferJobs, registerDataTransferRoutes } from "./modules/data-transfer/index.js";
import {
  dealEventRule,
  dealSearchResolver,
  dealSummary,
  registerDealRoutes,
  registerPipelineRoutes,
  salesConfigEventRule,
} from "./modules/deals/index.js";
import { seedDemoWorkspaceIfEmpty } from "./modules/demo/index.js";
import { documentEventRule, documentSummary, registerDocumentRoutes } from "./modules/documents/index.js";
import {
  canSeeIamEvent,
  canSeeOwner,
  createAuthenticator,
  iamRepository,
  recordVisibility,
  registerIamRoutes,
  registerTimeZoneRoutes,
} from "./modules/iam/index.js";
import { interactionEventRule, interactionSummary, registerInteractionRoutes } from "./modules/interactions/index.js";
import { maintenanceJobs } from "./modules/maintenance/index.js";
import { canSeeNotificationEvent, registerNotificationRoutes } from "./modules/notifications/index.js";
import { dealTaskLink, playbookConsumer, registerPlaybookRoutes } from "./modules/playbooks/index.js";
import { registerProductRoutes } from "./modules/products/index.js";
import { EventHub, registerRealtimeRoutes } from "./modules/realtime/index.js";
import { RecordExtensions, visibleRecords } from "./modules/records/index.js";
import { registerSearchRoutes, SearchService } from "./modules/search/index.js";
import { registerCalendarFeedRoutes, registerTaskRoutes, TaskLinkTypes, taskEventRule, taskJobs } from "./modules/tasks/index.js";
import { canSeeViewEvent, registerViewRoutes } from "./modules/views/index.js";
import type { Config } from "./platform/config.js";
import { type Database, openDatabase } from "./platform/db/connection.js";
import { startEventProcessor } from "./platform/events/processor.js";
import { EventVisibility } from "./platform/events/visibility.js";
import { createHttpServer, serveWebApp } from "./platform/http/server.js";
import { type JobQueue, openQueue, registerJobs } from "./platform/jobs/queue.js";
import type { Logger } from "./platform/logging/logger.js";
import { localDiskStorage } from "./platform/storage/storage.js";

/** The only file that imports every module: it wires them into the API and the worker. */
export type Role = "api" | "worker";

export type RunningApp = {
  database: Database;
  http: FastifyInstance | undefined;
  url: string | undefined;
  demo: { email: string; password: string } | undefined;
  close(): Promise<void>;
};

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

export async function buildApi(database: Database, config: Config) {
  const { db } = database;
  const app = await createHttpServer(config, database.logger);
  const auth = createAuthenticator(db);
  const visibility = new EventVisibility();
  for (const type of ["user", "team", "api_key", "workspace"]) visibility.register(type, (p, e) => canSeeIamEvent(p, e.entityType));
  for (const type of ["contact", "company"]) {
    visibility.register(type, async (p, e) => {
      const v = await recordVisibility(db, p);
      return (
        canSeeOwner(v, (e.payload.ownerId as string | null) ?? null) || canSeeOwner(v, (e.payload.previousOwnerId as string | null) ?? null)
      );
    });
  }
  visibility.register("custom_field", () => true);
  visibility.register("interaction", interactionEventRule(db));
  visibility.register("document", documentEventRule(db));
  visibility.register("saved_view", (p, e) => canSeeViewEvent(p, e));
  visibility.register("notification", (p, e) => canSeeNotificationEvent(p, e));
  visibility.register("task", taskEventRule(db));
  visibility.register("playbook", () => true);
  visibility.register("deal", dealEventRule(db));
  for (const type of ["pipeline", "product"]) visibility.register(type, salesConfigEventRule);
  const hub = new EventHub(db, database.appConnection, visibility, database.logger);
  const search = new SearchService(db);
  search.register("p", contactSearchResolver(db));
  search.register("c", companySearchResolver(db));
  search.register("d", dealSearchResolver(db));
  const extensions = new RecordExtensions();
  extensions.addSummary(interactionSummary(db));
  extensions.addSummary(documentSummary(db));
  extensions.addSummary(dealSummary(db));
  const storage = localDiskStorage(path.join(config.dataDir, "files"));
  const taskLinks = new TaskLinkTypes();
  for (const type of ["contact", "company"] as const) {
    taskLinks.register(type, { visible: (q, ws, ids, v) => visibleRecords(q, ws, type, ids, v) });
  }
  const defaultCountry = async (workspaceId: string) => (await iamRepository.workspaceById(db, workspaceId))?.default_country ?? "US";

  app.get("/healthz", { schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.pool.query("SELECT 1");
      return { status: "ok" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });
  registerIamRoutes(app, { db, auth, config });
  registerAuditRoutes(app, { db, auth });
  registerRealtimeRoutes(app, { auth, hub });
  registerCustomFieldRoutes(app, { db, auth });
  registerSearchRoutes(app, { auth, search, defaultCountry });
  registerContactRoutes(app, { db, auth, search, extensions, defaultCountry });
  registerCompanyRoutes(app, { db, auth, search, extensions, defaultCountry });
  registerInteractionRoutes(app, { db, auth });
  registerDocumentRoutes(app, { db, auth, storage });
  registerViewRoutes(app, { db, auth });
  registerNotificationRoutes(app, { db, auth });
  registerDataTransferRoutes(app, { db, auth, search, defaultCountry, storage });
  registerTimeZoneRoutes(app, { db, auth });
  taskLinks.register("deal", dealTaskLink);
  registerTaskRoutes(app, { db, auth, links: taskLinks });
  registerCalendarFeedRoutes(app, { db, auth, links: taskLinks, publicUrl: config.publicUrl });
  registerPlaybookRoutes(app, { db, auth });
  registerPipelineRoutes(app, { db, auth });
  registerDealRoutes(app, { db, auth });
  registerProductRoutes(app, { db, auth });
  if (config.serveWeb) await serveWebApp(app, WEB_DIST);
  app.addHook("onReady", () => hub.start());
  app.addHook("onClose", () => hub.stop());
  return app;
}

export async function startApp(config: Config, log: Logger, roles: Role[]): Promise<RunningApp> {
  const database = await openDatabase(config, log, { migrate: true });
  const closers: (() => Promise<void>)[] = [];
  try {
    const demo = config.seedDemo ? await seedDemoWorkspaceIfEmpty(database.db, log) : undefined;
    let http: FastifyInstance | undefined;
    let url: string | undefined;
    if (roles.includes("worker")) {
      const playbookTaskLinks = new TaskLinkTypes();
      playbookTaskLinks.register("deal", dealTaskLink);
      const processor = startEventProcessor(database.db, database.appConnection, [auditConsumer, playbookConsumer(playbookTaskLinks)], log);
      closers.push(() => processor.stop());
      const queue: JobQueue = await openQueue(database.appConnection, log, { supervise: true });
      closers.push(() => queue.stop({ graceful: true, wait: true, timeout: 10_000 }));
      const storage = localDiskStorage(path.join(config.dataDir, "files"));
      await registerJobs(
        queue,
        [...maintenanceJobs(database.db), ...dataTransferJobs({ db: database.db, storage }), ...taskJobs(database.db)],
        log,
      );
    }
    if (roles.includes("api")) {
      http = await buildApi(database, config);
      url = await http.listen({ port: config.port, host: config.host });
      const server = http;
      closers.unshift(() => server.close());
    }
    return {
      database,
      http,
      url,
      demo,
      async close() {
        for (const close of closers) await close().catch((err) => log.error({ err }, "shutdown step failed"));
        await database.close();
      },
    };
  } catch (err) {
    for (const close of closers) await close().catch(() => {});
    await database.close();
    throw err;
  }
}

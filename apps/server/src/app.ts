import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { auditConsumer, registerAuditRoutes } from "./modules/audit/index.js";
import { companySearchResolver, registerCompanyRoutes } from "./modules/companies/index.js";
import { companyLinkMergeParticipant, contactSearchResolver, registerContactRoutes } from "./modules/contacts/index.js";
import { CustomFieldDefinitions, registerCustomFieldRoutes } from "./modules/custom-fields/index.js";
import { dataTransferJobs, importEventRule, registerDataTransferRoutes } from "./modules/data-transfer/index.js";
import {
  dealEventRule,
  dealSearchResolver,
  dealSummary,
  dealTaskLink,
  registerDealRoutes,
  registerPipelineRoutes,
  salesConfigEventRule,
} from "./modules/deals/index.js";
import { seedDemoWorkspaceIfEmpty } from "./modules/demo/index.js";
import { documentEventRule, documentMergeParticipant, documentSummary, registerDocumentRoutes } from "./modules/documents/index.js";
import { forecastSettingsEventRule, quotaEventRule, registerForecastRoutes } from "./modules/forecast/index.js";
import {
  canSeeIamEvent,
  canSeeOwner,
  createAuthenticator,
  iamRepository,
  recordVisibility,
  registerIamRoutes,
  registerTimeZoneRoutes,
} from "./modules/iam/index.js";
import { identityConsumer, identityEventRule, identityJobs, registerIdentityRoutes } from "./modules/identity/index.js";
import {
  interactionEventRule,
  interactionMergeParticipant,
  interactionSummary,
  registerInteractionRoutes,
} from "./modules/interactions/index.js";
import { maintenanceJobs } from "./modules/maintenance/index.js";
import { canSeeNotificationEvent, registerNotificationRoutes } from "./modules/notifications/index.js";
import { playbookConsumer, registerPlaybookRoutes } from "./modules/playbooks/index.js";
import { registerProductRoutes } from "./modules/products/index.js";
import { EventHub, registerRealtimeRoutes } from "./modules/realtime/index.js";
import { MergeParticipants, RecordExtensions, visibleRecords } from "./modules/records/index.js";
import { registerSearchRoutes, SearchService, VocabularyCache } from "./modules/search/index.js";
import { registerCalendarFeedRoutes, registerTaskRoutes, TaskLinkTypes, taskEventRule, taskJobs } from "./modules/tasks/index.js";
import { canSeeViewEvent, registerViewRoutes } from "./modules/views/index.js";
import type { Config } from "./platform/config.js";
import { CacheInvalidation, WorkspaceCache } from "./platform/db/cache-invalidation.js";
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

/** What moves when two people are merged: each module that points at people registers here. */
/** The records a task can be about: the API and the playbook consumer accept the same ones. */
function taskLinkTypes() {
  const links = new TaskLinkTypes();
  for (const type of ["contact", "company"] as const) {
    links.register(type, { visible: (q, ws, ids, v) => visibleRecords(q, ws, type, ids, v) });
  }
  links.register("deal", dealTaskLink);
  return links;
}

function mergeParticipants() {
  const participants = new MergeParticipants();
  participants.register(interactionMergeParticipant);
  participants.register(documentMergeParticipant);
  participants.register(companyLinkMergeParticipant);
  return participants;
}

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
  for (const type of ["merge", "duplicate"]) visibility.register(type, identityEventRule(db));
  visibility.register("deal", dealEventRule(db));
  for (const type of ["pipeline", "product"]) visibility.register(type, salesConfigEventRule);
  visibility.register("quota", quotaEventRule(db));
  visibility.register("forecast_settings", forecastSettingsEventRule);
  visibility.register("import", importEventRule(db));
  const hub = new EventHub(db, database.appConnection, visibility, database.logger);
  const invalidation = new CacheInvalidation(database.appConnection, database.logger);
  const search = new SearchService(db, new VocabularyCache(db, invalidation));
  search.register("p", contactSearchResolver(db));
  search.register("c", companySearchResolver(db));
  search.register("d", dealSearchResolver(db));
  const extensions = new RecordExtensions();
  extensions.addSummary(interactionSummary(db));
  extensions.addSummary(documentSummary(db));
  extensions.addSummary(dealSummary(db));
  const storage = localDiskStorage(path.join(config.dataDir, "files"));
  const taskLinks = taskLinkTypes();
  const definitions = new CustomFieldDefinitions(db, invalidation);
  const workspaces = new WorkspaceCache(invalidation, "workspace", (ws) => iamRepository.workspaceById(db, ws));
  const defaultCountry = async (workspaceId: string) => (await workspaces.get(workspaceId))?.default_country ?? "US";

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
  registerCustomFieldRoutes(app, { db, auth, definitions });
  registerSearchRoutes(app, { auth, search, defaultCountry });
  registerContactRoutes(app, { db, auth, search, extensions, definitions, defaultCountry });
  registerCompanyRoutes(app, { db, auth, search, extensions, definitions, defaultCountry });
  registerInteractionRoutes(app, { db, auth });
  registerDocumentRoutes(app, { db, auth, storage });
  registerViewRoutes(app, { db, auth });
  registerNotificationRoutes(app, { db, auth });
  registerDataTransferRoutes(app, { db, auth, search, defaultCountry, storage, connection: database.appConnection });
  registerTimeZoneRoutes(app, { db, auth });
  registerTaskRoutes(app, { db, auth, links: taskLinks });
  registerCalendarFeedRoutes(app, { db, auth, links: taskLinks, publicUrl: config.publicUrl });
  registerPlaybookRoutes(app, { db, auth });
  registerIdentityRoutes(app, { db, auth, participants: mergeParticipants() });
  registerPipelineRoutes(app, { db, auth });
  registerDealRoutes(app, { db, auth });
  registerProductRoutes(app, { db, auth });
  registerForecastRoutes(app, { db, auth });
  if (config.serveWeb) await serveWebApp(app, WEB_DIST);
  app.addHook("onReady", () => hub.start());
  app.addHook("onClose", () => hub.stop());
  app.addHook("onReady", () => invalidation.start());
  app.addHook("onClose", () => invalidation.stop());
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
      const processor = startEventProcessor(
        database.db,
        database.appConnection,
        [auditConsumer, identityConsumer(mergeParticipants()), playbookConsumer(taskLinkTypes())],
        log,
      );
      closers.push(() => processor.stop());
      const queue: JobQueue = await openQueue(database.appConnection, log, { supervise: true });
      closers.push(() => queue.stop({ graceful: true, wait: true, timeout: 10_000 }));
      const storage = localDiskStorage(path.join(config.dataDir, "files"));
      await registerJobs(
        queue,
        [
          ...maintenanceJobs(database.db),
          ...dataTransferJobs({ db: database.db, storage }),
          ...taskJobs(database.db),
          ...identityJobs({ db: database.db }),
        ],
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

import pg from "pg";
import PgBoss from "pg-boss";
import type { Logger } from "../logging/logger.js";

/**
 * The job queue: pg-boss on the application's database (schema `pgboss`), so retries,
 * schedules and exactly-one-worker-per-job need no extra server.
 */
export type JobQueue = PgBoss;

export type JobDefinition<T extends object = object> = {
  name: string;
  /** Cron expression (UTC) for recurring jobs. */
  schedule?: string;
  retryLimit?: number;
  handler(data: T): Promise<void>;
};

export async function openQueue(connection: pg.ClientConfig, log: Logger, opts: { supervise: boolean }): Promise<JobQueue> {
  const boss = new PgBoss({
    ...(connection.connectionString
      ? { connectionString: connection.connectionString }
      : {
          host: connection.host as string,
          port: connection.port as number,
          user: connection.user as string,
          password: connection.password as string,
          database: connection.database as string,
        }),
    schema: "pgboss",
    // The schema is installed by installQueueSchema with the admin role.
    migrate: false,
    max: 4,
    application_name: "rapport-jobs",
    supervise: opts.supervise,
    schedule: opts.supervise,
  });
  boss.on("error", (err) => log.error({ err }, "job queue error"));
  await boss.start();
  return boss;
}

/**
 * Creates or upgrades pg-boss's tables, owned by the runtime role: the application role
 * may not create schemas, so the admin lends CREATE on the database for this step only.
 */
export async function installQueueSchema(admin: pg.ClientConfig, runtimeRole: string) {
  const client = new pg.Client({ ...admin, application_name: "rapport-admin" });
  await client.connect();
  try {
    const database = (await client.query<{ d: string }>("SELECT current_database() AS d")).rows[0]?.d ?? "";
    const grant = (verb: "GRANT" | "REVOKE") =>
      client.query(`${verb} CREATE ON DATABASE ${client.escapeIdentifier(database)} ${verb === "GRANT" ? "TO" : "FROM"} ${runtimeRole}`);
    await grant("GRANT");
    try {
      await client.query(`SET ROLE ${runtimeRole}`);
      const boss = new PgBoss({
        db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
        schema: "pgboss",
        supervise: false,
        schedule: false,
      });
      await boss.start();
      await boss.stop({ graceful: false, wait: true });
      await client.query("RESET ROLE");
    } finally {
      await grant("REVOKE");
    }
  } finally {
    await client.end();
  }
}

/** Registers job handlers and their schedules on a worker. */
export async function registerJobs(boss: JobQueue, jobs: JobDefinition[], log: Logger) {
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, retryLimit: job.retryLimit ?? 3, retryBackoff: true });
    await boss.work<object>(job.name, async (batch) => {
      for (const j of batch) {
        log.debug({ job: job.name, id: j.id }, "job started");
        await job.handler(j.data);
      }
    });
    if (job.schedule) await boss.schedule(job.name, job.schedule);
  }
}

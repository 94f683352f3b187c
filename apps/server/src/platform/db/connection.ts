import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.js";
import { installQueueSchema } from "../jobs/queue.js";
import type { Logger } from "../logging/logger.js";
import { acquireEmbeddedCluster } from "./embedded/cluster.js";
import { migrate } from "./migrate.js";
import { PreparingClient } from "./prepared-statements.js";
import type { DB } from "./schema.js";
import { registerPool } from "./text-rows.js";

// int8 (bigint, counts) as JS numbers: counts and sequence numbers stay below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// date as its 'YYYY-MM-DD' text: a calendar date has no time zone, a JS Date would invent one.
pg.types.setTypeParser(1082, (v) => v);

export type Database = {
  db: Kysely<DB>;
  pool: pg.Pool;
  /** Connection settings of the application role (LISTEN, COPY and pg-boss open their own). */
  appConnection: pg.ClientConfig;
  adminConnection: pg.ClientConfig;
  embedded: boolean;
  logger: Logger;
  close(): Promise<void>;
};

export type OpenOptions = { migrate: boolean; poolSize?: number; applicationName?: string };

/** Role every application login is a member of; migrations grant privileges to it. */
export const RUNTIME_ROLE = "rapport_runtime";
const EMBEDDED_APP_ROLE = "rapport_app";
const DATABASE_NAME = "rapport";

/**
 * Opens the database: the embedded cluster under the data directory by default, or the
 * PostgreSQL named by DATABASE_URL. Migrations run as the admin role; the application
 * itself connects as a role that is not a superuser.
 */
export async function openDatabase(config: Config, log: Logger, options: OpenOptions): Promise<Database> {
  let appConnection: pg.ClientConfig;
  let adminConnection: pg.ClientConfig;
  let release = async () => {};
  const embedded = !config.databaseUrl;
  if (config.databaseUrl) {
    appConnection = { connectionString: config.databaseUrl };
    adminConnection = { connectionString: config.databaseAdminUrl ?? config.databaseUrl };
  } else {
    const cluster = await acquireEmbeddedCluster(config.dataDir, log);
    release = cluster.release;
    // The Unix socket when the cluster has one: no TCP stack per message (decision 0029).
    const base = { host: cluster.socketDir ?? "127.0.0.1", port: cluster.port };
    adminConnection = { ...base, user: cluster.superuser, password: cluster.superuserPassword, database: DATABASE_NAME };
    appConnection = { ...base, user: EMBEDDED_APP_ROLE, password: cluster.appPassword, database: DATABASE_NAME };
    try {
      await bootstrapEmbedded({ ...adminConnection, database: "postgres" }, cluster.appPassword);
    } catch (err) {
      await release();
      throw err;
    }
  }

  try {
    const admin = new pg.Client({ ...adminConnection, application_name: "rapport-admin" });
    await admin.connect();
    try {
      await ensureRuntimeRole(admin, appConnection);
      if (options.migrate) {
        await migrate(admin, log);
        await installQueueSchema(adminConnection, RUNTIME_ROLE);
      }
    } finally {
      await admin.end();
    }
  } catch (err) {
    await release();
    throw err;
  }

  const pool = new pg.Pool({
    ...appConnection,
    max: options.poolSize ?? 20,
    // Parameterised statements run as named prepared statements (decision 0014).
    Client: PreparingClient,
    application_name: options.applicationName ?? "rapport",
    // Expensive queries are bounded; long reports raise it per transaction.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  let closing = false;
  pool.on("error", (err) => {
    if (!closing) log.error({ err }, "idle database connection failed");
  });
  const superuser = await pool.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  if (superuser.rows[0]?.rolsuper) {
    log.warn("the application connects as a superuser; give DATABASE_URL a role without SUPERUSER (see docs/guides/configuration.md)");
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  registerPool(db, pool);
  return {
    db,
    pool,
    appConnection,
    adminConnection,
    embedded,
    logger: log,
    close: async () => {
      closing = true;
      await db.destroy();
      await release();
    },
  };
}

async function bootstrapEmbedded(superuser: pg.ClientConfig, appPassword: string) {
  const client = new pg.Client(superuser);
  await client.connect();
  try {
    const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [EMBEDDED_APP_ROLE]);
    // Identifiers are constants; the password goes through format(%L) on the server.
    const verb = role.rowCount ? "ALTER" : "CREATE";
    const sql = await client.query<{ q: string }>(
      `SELECT format('${verb} ROLE ${EMBEDDED_APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text) AS q`,
      [appPassword],
    );
    await client.query(sql.rows[0]?.q ?? "");
    const db = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (!db.rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
}

/**
 * The runtime role holds the application's privileges; the login role of DATABASE_URL is
 * made a member.
 */
async function ensureRuntimeRole(admin: pg.Client, app: pg.ClientConfig) {
  await admin.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
      CREATE ROLE ${RUNTIME_ROLE} NOLOGIN;
    END IF;
  END $$`);
  const appUser = app.user ?? new URL(String(app.connectionString)).username;
  const adminUser = (await admin.query<{ u: string }>("SELECT current_user AS u")).rows[0]?.u;
  if (appUser && appUser !== adminUser) {
    const grant = await admin.query<{ q: string }>(`SELECT format('GRANT ${RUNTIME_ROLE} TO %I', $1::text) AS q`, [
      decodeURIComponent(appUser),
    ]);
    await admin.query(grant.rows[0]?.q ?? "");
  }
}

import crypto from "node:crypto";
import type { Role } from "@rapport/contract";
import type { FastifyInstance, InjectOptions } from "fastify";
import type { Kysely } from "kysely";
import { buildApi } from "../app.js";
import { createApiKey, createUser, createWorkspace } from "../modules/iam/index.js";
import { systemActor } from "../platform/auth/principal.js";
import { loadConfig } from "../platform/config.js";
import { type Database, openDatabase } from "../platform/db/connection.js";
import type { DB } from "../platform/db/schema.js";
import { createLogger } from "../platform/logging/logger.js";

/**
 * The API against the run's real PostgreSQL, called through Fastify's HTTP injection (the
 * full request pipeline: parsing, auth, validation, serialisation, error handling).
 */
export type TestApi = {
  app: FastifyInstance;
  db: Kysely<DB>;
  database: Database;
  /** Workspaces this test file created: what snapshotCounts looks at. */
  workspaceIds: string[];
  close(): Promise<void>;
};

export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const config = loadConfig({ RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR, NODE_ENV: "test", RAPPORT_SERVE_WEB: "false", ...env });
  const database = await openDatabase(config, createLogger("silent"), { migrate: false, poolSize: 5 });
  const app = await buildApi(database, config);
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    workspaceIds: [],
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export type TestUser = { id: string; email: string; password: string; role: Role; cookie: string; headers: Record<string, string> };
export type TestWorkspace = {
  id: string;
  slug: string;
  users: Record<Role, TestUser>;
  apiKey(role: Role): Promise<string>;
};

const PASSWORD = "correct horse battery";

/** A fresh workspace with one signed-in user per role. */
export async function createTestWorkspace(api: TestApi): Promise<TestWorkspace> {
  const slug = `t-${crypto.randomBytes(6).toString("hex")}`;
  const ws = await api.db.transaction().execute((tx) => createWorkspace(tx, { slug, name: `Test ${slug}` }));
  api.workspaceIds.push(ws.id);
  const roles: Role[] = ["admin", "manager", "member", "read_only"];
  const users = {} as Record<Role, TestUser>;
  for (const role of roles) {
    const email = `${role}.${slug}@example.com`;
    const user = await api.db
      .transaction()
      .execute((tx) => createUser(tx, systemActor(ws.id), { email, name: `${role} user`, role, password: PASSWORD }));
    const res = await api.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "rapport_session");
    if (!cookie) throw new Error("no session cookie");
    const header = `rapport_session=${cookie.value}`;
    users[role] = {
      id: user.id,
      email,
      password: PASSWORD,
      role,
      cookie: header,
      headers: { cookie: header, "x-requested-with": "rapport" },
    };
  }
  return {
    id: ws.id,
    slug,
    users,
    async apiKey(role) {
      const { secret } = await api.db.transaction().execute((tx) => createApiKey(tx, systemActor(ws.id), { name: `key ${role}`, role }));
      return secret;
    },
  };
}

/** Shorthand: a request as a user of a workspace. */
export function as(api: TestApi, user: TestUser, opts: InjectOptions) {
  return api.app.inject({ ...opts, headers: { ...user.headers, ...(opts.headers ?? {}) } });
}

/**
 * Row counts of every tenant table, restricted to the workspaces this test file created (so
 * test files running in parallel don't disturb each other): snapshot before and after calls
 * that must change nothing.
 */
export async function snapshotCounts(api: TestApi): Promise<Record<string, number>> {
  const tables = await api.database.pool.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'workspace_id'
        AND table_name NOT IN ('sessions', 'audit_log') ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables.rows) {
    // Table names come from the catalog, not from a request.
    const r = await api.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE workspace_id = ANY($1::uuid[])`, [
      api.workspaceIds,
    ]);
    out[t] = r.rows[0]?.n ?? 0;
  }
  const ws = await api.database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM workspaces WHERE id = ANY($1::uuid[])", [
    api.workspaceIds,
  ]);
  out.workspaces = ws.rows[0]?.n ?? 0;
  return out;
}

import { iamEndpoints as ep, type Me } from "@rapport/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { SESSION_COOKIE } from "../../platform/auth/authenticator.js";
import { ROLE_INFO } from "../../platform/auth/permissions.js";
import { actorOf, type Principal, requirePermission } from "../../platform/auth/principal.js";
import type { Config } from "../../platform/config.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { forbidden, notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { changePassword } from "./commands/change-password.js";
import { createUser } from "./commands/create-user.js";
import { createApiKey, revokeApiKey } from "./commands/manage-api-keys.js";
import { createTeam, deleteTeam, updateTeam } from "./commands/save-team.js";
import { signIn } from "./commands/sign-in.js";
import { updateUser } from "./commands/update-user.js";
import { updateWorkspace } from "./commands/update-workspace.js";
import { permissionsOf } from "./iam.policy.js";
import { presentApiKey, presentTeam, presentUser, presentWorkspace } from "./iam.presenter.js";
import { iamRepository } from "./iam.repository.js";
import { revokeSession, SESSION_TTL_MS } from "./sessions.js";

export function registerIamRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator; config: Config }) {
  const { db, auth, config } = deps;

  async function me(p: Principal): Promise<Me> {
    const workspace = await iamRepository.workspaceById(db, p.workspaceId);
    if (!workspace) throw notFound("workspace");
    let user = p.userId ? await iamRepository.userById(db, p.workspaceId, p.userId) : undefined;
    if (!user) {
      // An API key acts as a pseudo-user named after the key.
      const key = await iamRepository.apiKeyById(db, p.workspaceId, p.actorId);
      if (!key) throw notFound("user");
      user = { ...key, email: "", active: true, password_hash: null, updated_at: key.created_at, time_zone: null };
    }
    return { user: presentUser(user, p.teamIds), workspace: presentWorkspace(workspace), ...permissionsOf(p) };
  }

  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

  route(app, auth, ep.signIn, async ({ body, req, reply }) => {
    const { token } = await signIn(db, req, body);
    setSessionCookie(reply, token);
    const principal = await auth.fromSessionToken(token, req);
    if (!principal) throw forbidden();
    return me(principal);
  });

  route(app, auth, ep.signOut, async ({ principal, reply }) => {
    if (principal.sessionId) await revokeSession(db, principal.workspaceId, principal.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return undefined;
  });

  route(app, auth, ep.me, async ({ principal }) => me(principal));

  route(app, auth, ep.changePassword, async ({ principal, body, req }) => {
    await runCommand(db, req, (tx) => changePassword(tx, principal, body));
    return undefined;
  });

  route(app, auth, ep.getWorkspace, async ({ principal }) => {
    const w = await iamRepository.workspaceById(db, principal.workspaceId);
    if (!w) throw notFound("workspace");
    return presentWorkspace(w);
  });

  route(app, auth, ep.updateWorkspace, async ({ principal, body, req }) => {
    requirePermission(principal, "workspace.manage");
    return presentWorkspace(await runCommand(db, req, (tx) => updateWorkspace(tx, actorOf(principal), body)));
  });

  route(app, auth, ep.listUsers, async ({ principal, query }) => {
    requirePermission(principal, "users.read");
    const rows = await iamRepository.listUsers(db, principal.workspaceId, { search: query.q, limit: 1000 });
    const teams = await iamRepository.teamIdsByUser(
      db,
      principal.workspaceId,
      rows.map((r) => r.id),
    );
    return { items: rows.map((u) => presentUser(u, teams.get(u.id) ?? [])), nextCursor: null };
  });

  route(app, auth, ep.getUser, async ({ principal, params }) => {
    requirePermission(principal, "users.read");
    const u = await iamRepository.userById(db, principal.workspaceId, params.id);
    if (!u) throw notFound("user");
    const teams = await iamRepository.teamIdsByUser(db, principal.workspaceId, [u.id]);
    return presentUser(u, teams.get(u.id) ?? []);
  });

  route(app, auth, ep.createUser, async ({ principal, body, req }) => {
    requirePermission(principal, "users.manage");
    return runCommand(db, req, async (tx) => presentUser(await createUser(tx, actorOf(principal), body), []));
  });

  route(app, auth, ep.updateUser, async ({ principal, params, body, req }) => {
    requirePermission(principal, "users.manage");
    return runCommand(db, req, async (tx) => {
      const u = await updateUser(tx, actorOf(principal), params.id, body);
      const teams = await iamRepository.teamIdsByUser(tx, principal.workspaceId, [u.id]);
      return presentUser(u, teams.get(u.id) ?? []);
    });
  });

  route(app, auth, ep.listTeams, async ({ principal }) => {
    requirePermission(principal, "users.read");
    const rows = await iamRepository.listTeams(db, principal.workspaceId);
    const members = await iamRepository.memberIdsByTeam(
      db,
      principal.workspaceId,
      rows.map((t) => t.id),
    );
    return { items: rows.map((t) => presentTeam(t, members.get(t.id) ?? [])), nextCursor: null };
  });

  route(app, auth, ep.createTeam, async ({ principal, body, req }) => {
    requirePermission(principal, "teams.manage");
    return runCommand(db, req, async (tx) => {
      const { team, memberIds } = await createTeam(tx, actorOf(principal), body);
      return presentTeam(team, memberIds);
    });
  });

  route(app, auth, ep.updateTeam, async ({ principal, params, body, req }) => {
    requirePermission(principal, "teams.manage");
    return runCommand(db, req, async (tx) => {
      const { team, memberIds } = await updateTeam(tx, actorOf(principal), params.id, body);
      return presentTeam(team, memberIds);
    });
  });

  route(app, auth, ep.deleteTeam, async ({ principal, params, req }) => {
    requirePermission(principal, "teams.manage");
    await runCommand(db, req, (tx) => deleteTeam(tx, actorOf(principal), params.id));
    return undefined;
  });

  route(app, auth, ep.listRoles, async () => ({
    items: Object.entries(ROLE_INFO).map(([role, info]) => ({ role: role as keyof typeof ROLE_INFO, ...info })),
  }));

  route(app, auth, ep.listApiKeys, async ({ principal }) => {
    requirePermission(principal, "api_keys.manage");
    const rows = await iamRepository.listApiKeys(db, principal.workspaceId);
    return { items: rows.map(presentApiKey), nextCursor: null };
  });

  route(app, auth, ep.createApiKey, async ({ principal, body, req }) => {
    requirePermission(principal, "api_keys.manage");
    return runCommand(db, req, async (tx) => {
      const { row, secret } = await createApiKey(tx, actorOf(principal), body);
      return { apiKey: presentApiKey(row), secret };
    });
  });

  route(app, auth, ep.revokeApiKey, async ({ principal, params, req }) => {
    requirePermission(principal, "api_keys.manage");
    await runCommand(db, req, (tx) => revokeApiKey(tx, actorOf(principal), params.id));
    return undefined;
  });
}

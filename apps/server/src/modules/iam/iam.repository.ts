import type { Kysely, Selectable, Transaction } from "kysely";
import { anyUuid } from "../../platform/db/any-uuid.js";
import type { ApiKeysTable, DB, TeamsTable, UsersTable, WorkspacesTable } from "../../platform/db/schema.js";

/** SQL of the identity module. Every method is scoped by workspace except the sign-in lookup. */
type Q = Kysely<DB> | Transaction<DB>;
export type UserRow = Selectable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;

export const iamRepository = {
  workspaceById: (q: Q, workspaceId: string) => q.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirst(),

  workspaceBySlug: (q: Q, slug: string) => q.selectFrom("workspaces").selectAll().where("slug", "=", slug).executeTakeFirst(),

  /** Sign-in knows only an email: the candidate accounts across workspaces. */
  usersForSignIn: (q: Q, email: string) =>
    q
      .selectFrom("users")
      .innerJoin("workspaces", "workspaces.id", "users.workspace_id")
      .select(["users.workspace_id", "users.id", "users.password_hash", "users.active", "workspaces.slug"])
      .where("users.email", "=", email)
      .execute(),

  userById: (q: Q, workspaceId: string, id: string) =>
    q.selectFrom("users").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst(),

  userByEmail: (q: Q, workspaceId: string, email: string) =>
    q.selectFrom("users").selectAll().where("workspace_id", "=", workspaceId).where("email", "=", email).executeTakeFirst(),

  listUsers: (q: Q, workspaceId: string, opts: { search?: string; after?: { name: string; id: string }; limit: number }) => {
    let query = q.selectFrom("users").selectAll().where("workspace_id", "=", workspaceId);
    if (opts.search) {
      const pattern = `%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb("name", "ilike", pattern), eb("email", "ilike", pattern)]));
    }
    if (opts.after) {
      const after = opts.after;
      query = query.where((eb) => eb.or([eb("name", ">", after.name), eb.and([eb("name", "=", after.name), eb("id", ">", after.id)])]));
    }
    return query.orderBy("name").orderBy("id").limit(opts.limit).execute();
  },

  teamIdsByUser: async (q: Q, workspaceId: string, userIds: string[]): Promise<Map<string, string[]>> => {
    const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return map;
    const rows = await q
      .selectFrom("team_members")
      .select(["user_id", "team_id"])
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", anyUuid(userIds))
      .orderBy("team_id")
      .execute();
    for (const r of rows) map.get(r.user_id)?.push(r.team_id);
    return map;
  },

  listTeams: (q: Q, workspaceId: string) =>
    q.selectFrom("teams").selectAll().where("workspace_id", "=", workspaceId).orderBy("name").orderBy("id").limit(1000).execute(),

  teamById: (q: Q, workspaceId: string, id: string) =>
    q.selectFrom("teams").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst(),

  memberIdsByTeam: async (q: Q, workspaceId: string, teamIds: string[]): Promise<Map<string, string[]>> => {
    const map = new Map<string, string[]>(teamIds.map((id) => [id, []]));
    if (teamIds.length === 0) return map;
    const rows = await q
      .selectFrom("team_members")
      .select(["user_id", "team_id"])
      .where("workspace_id", "=", workspaceId)
      .where("team_id", "=", anyUuid(teamIds))
      .orderBy("user_id")
      .execute();
    for (const r of rows) map.get(r.team_id)?.push(r.user_id);
    return map;
  },

  /** How many of these ids are users of the workspace (to reject foreign ids with a 400). */
  countUsers: async (q: Q, workspaceId: string, ids: string[]) => {
    if (ids.length === 0) return 0;
    const r = await q
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", anyUuid(ids))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  setTeamMembers: async (tx: Transaction<DB>, workspaceId: string, teamId: string, userIds: string[]) => {
    await tx.deleteFrom("team_members").where("workspace_id", "=", workspaceId).where("team_id", "=", teamId).execute();
    if (userIds.length > 0) {
      await tx
        .insertInto("team_members")
        .values(userIds.map((user_id) => ({ workspace_id: workspaceId, team_id: teamId, user_id })))
        .execute();
    }
  },

  listApiKeys: (q: Q, workspaceId: string) =>
    q
      .selectFrom("api_keys")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("revoked_at", (ob) => ob.desc().nullsFirst())
      .orderBy("created_at", "desc")
      .limit(1000)
      .execute(),

  apiKeyById: (q: Q, workspaceId: string, id: string) =>
    q.selectFrom("api_keys").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst(),

  countActiveAdmins: async (q: Q, workspaceId: string) => {
    const r = await q
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .where("role", "=", "admin")
      .where("active", "=", true)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};

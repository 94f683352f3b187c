import { type Endpoint, taskEndpoints, timeZoneEndpoints } from "@rapport/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../platform/auth/principal.js";
import type { StoredEvent } from "../../platform/events/processor.js";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../test/harness.js";
import { createTeam } from "../iam/index.js";
import { createTask, systemTaskContext, TaskLinkTypes, taskEventRule } from "./index.js";

let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(() => api?.close());

const ZERO = "00000000-0000-4000-8000-000000000000";
type Json = Record<string, unknown>;

async function post(user: TestUser, url: string, payload: Json = {}, status = 201) {
  const res = await as(api, user, { method: "POST", url, payload });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const task = (user: TestUser, payload: Json = {}) => post(user, "/api/v1/tasks", { title: `Task ${Math.random()}`, ...payload });
const get = (user: TestUser, url: string) => as(api, user, { method: "GET", url });
const contact = (user: TestUser, extra: Json = {}) =>
  post(user, "/api/v1/contacts", { firstName: "Task", lastName: `Person ${Math.random()}`, ...extra });

/** Every id the caller can page through in a task list. */
async function listIds(user: TestUser, qs: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(user, `/api/v1/tasks?${qs}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.statusCode, res.body).toBe(200);
    ids.push(...res.json().items.map((t: { id: string }) => t.id));
    cursor = res.json().nextCursor;
  } while (cursor);
  return ids;
}

describe("tasks", () => {
  it("answer 401 on every endpoint without credentials", async () => {
    for (const e of [...Object.values(taskEndpoints), ...Object.values(timeZoneEndpoints)] as Endpoint[]) {
      const res = await api.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO), payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it("create, read, change, complete, reopen and delete a task linked to a person", async () => {
    const manager = ws.users.manager;
    const person = await contact(manager);
    const created = await task(manager, {
      title: "Send the offer",
      notes: "Include the discount",
      dueAt: "2026-03-02T10:00:00+01:00",
      priority: "high",
      assigneeId: ws.users.member.id,
      linked: { type: "contact", id: person.id },
      remindAt: "2026-03-02T08:30:00Z",
    });
    expect(created).toMatchObject({
      title: "Send the offer",
      dueAt: "2026-03-02T09:00:00.000Z",
      dueDate: null,
      allDay: false,
      priority: "high",
      status: "open",
      completedAt: null,
      assigneeId: ws.users.member.id,
      creatorId: manager.id,
      linked: { type: "contact", id: person.id, name: person.name },
      source: null,
      remindAt: "2026-03-02T08:30:00.000Z",
    });
    expect((await get(manager, `/api/v1/tasks/${created.id}`)).json()).toEqual(created);

    const moved = await as(api, manager, {
      method: "PATCH",
      url: `/api/v1/tasks/${created.id}`,
      payload: { dueDate: "2026-03-05", title: "Send it" },
    });
    expect(moved.json()).toMatchObject({ dueDate: "2026-03-05", dueAt: null, allDay: true, title: "Send it" });

    const done = await post(ws.users.member, `/api/v1/tasks/${created.id}/complete`, {}, 200);
    expect(done.status).toBe("done");
    expect(done.completedAt).not.toBeNull();
    // Completing twice changes nothing and records one event.
    expect((await post(ws.users.member, `/api/v1/tasks/${created.id}/complete`, {}, 200)).completedAt).toBe(done.completedAt);
    const events = await api.db
      .selectFrom("domain_events")
      .select(["type", "payload"])
      .where("workspace_id", "=", ws.id)
      .where("entity_id", "=", created.id)
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.type)).toEqual(["task.created", "task.updated", "task.completed"]);
    expect(events[2]?.payload).toEqual({
      taskId: created.id,
      assigneeId: ws.users.member.id,
      linkedType: "contact",
      linkedId: person.id,
      sourceType: null,
      sourceId: null,
      creatorId: manager.id,
    });
    const reopened = await post(manager, `/api/v1/tasks/${created.id}/reopen`, {}, 200);
    expect(reopened).toMatchObject({ status: "open", completedAt: null });

    // The assignee was told about the task someone else gave them.
    const bell = await get(ws.users.member, "/api/v1/notifications");
    expect(bell.json().items.some((n: Json) => n.kind === "task_assigned" && n.entityId === created.id)).toBe(true);

    expect((await as(api, manager, { method: "DELETE", url: `/api/v1/tasks/${created.id}` })).statusCode).toBe(204);
    expect((await get(manager, `/api/v1/tasks/${created.id}`)).statusCode).toBe(404);
  });

  it("refuses read-only users, and bad input, changing nothing", async () => {
    const admin = ws.users.admin;
    const mine = await task(admin);
    const ro = ws.users.read_only;
    const before = await snapshotCounts(api);
    const denied = [
      as(api, ro, { method: "POST", url: "/api/v1/tasks", payload: { title: "x" } }),
      as(api, ro, { method: "PATCH", url: `/api/v1/tasks/${mine.id}`, payload: { title: "x" } }),
      as(api, ro, { method: "POST", url: `/api/v1/tasks/${mine.id}/complete` }),
      as(api, ro, { method: "POST", url: `/api/v1/tasks/${mine.id}/reopen` }),
      as(api, ro, { method: "DELETE", url: `/api/v1/tasks/${mine.id}` }),
    ];
    for (const res of await Promise.all(denied)) expect(res.statusCode, res.body).toBe(403);
    // A member may not delete a task they neither created nor are assigned.
    const team = await api.db
      .transaction()
      .execute((tx) =>
        createTeam(tx, systemActor(ws.id), { name: `Team ${Math.random()}`, memberIds: [ws.users.member.id, ws.users.admin.id] }),
      );
    expect(team.memberIds).toHaveLength(2);
    expect((await as(api, ws.users.member, { method: "DELETE", url: `/api/v1/tasks/${mine.id}` })).statusCode).toBe(403);
    // The denied calls left the task as it was.
    expect((await get(admin, `/api/v1/tasks/${mine.id}`)).json()).toEqual(mine);
    const person = await contact(admin, { ownerId: admin.id });
    const afterContact = await snapshotCounts(api);
    const bad: Json[] = [
      {},
      { title: "" },
      { title: "x", dueDate: "2026-02-30" },
      { title: "x", dueDate: "2026-03-01", dueAt: "2026-03-01T10:00:00Z" },
      { title: "x", priority: "asap" },
      { title: "x", assigneeId: other.users.admin.id },
      { title: "x", assigneeId: "not-a-uuid" },
      { title: "x", linked: { type: "deal", id: ZERO } },
      { title: "x", linked: { type: "contact", id: ZERO } },
      { title: "x", linked: { type: "Contact; DROP", id: person.id } },
      { title: "x", creatorId: admin.id },
      { title: "x", status: "done" },
      { title: "x", remindAt: "tomorrow" },
    ];
    for (const payload of bad) {
      const res = await as(api, admin, { method: "POST", url: "/api/v1/tasks", payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const payload of [{ dueAt: "x" }, { assigneeId: ZERO }, { linked: { type: "company", id: person.id } }, { id: ZERO }]) {
      const res = await as(api, admin, { method: "PATCH", url: `/api/v1/tasks/${mine.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const qs of ["filter[secret][eq]=1", "filter[status][contains]=o", "sort=notes", "filter[due][gte]=soon", "cursor=zzz"]) {
      expect((await get(admin, `/api/v1/tasks?${qs}`)).statusCode, qs).toBe(400);
    }
    expect(await snapshotCounts(api)).toEqual(afterContact);
    expect(afterContact.tasks).toBe(before.tasks);
  });

  it("answers 404 for another workspace's task, and lets nobody link or assign across workspaces", async () => {
    const foreign = await task(other.users.admin);
    const admin = ws.users.admin;
    for (const res of await Promise.all([
      get(admin, `/api/v1/tasks/${foreign.id}`),
      as(api, admin, { method: "PATCH", url: `/api/v1/tasks/${foreign.id}`, payload: { title: "mine" } }),
      as(api, admin, { method: "POST", url: `/api/v1/tasks/${foreign.id}/complete` }),
      as(api, admin, { method: "POST", url: `/api/v1/tasks/${foreign.id}/reopen` }),
      as(api, admin, { method: "DELETE", url: `/api/v1/tasks/${foreign.id}` }),
    ])) {
      expect(res.statusCode).toBe(404);
    }
    expect(await listIds(admin, `filter[assigneeId][eq]=${other.users.admin.id}`)).toEqual([]);
    const foreignPerson = await contact(other.users.admin);
    const res = await as(api, admin, {
      method: "POST",
      url: "/api/v1/tasks",
      payload: { title: "x", linked: { type: "contact", id: foreignPerson.id } },
    });
    expect(res.statusCode).toBe(400);
    expect((await get(other.users.admin, `/api/v1/tasks/${foreign.id}`)).json().title).toBe(foreign.title);
  });

  it("shows a task to its assignee, its creator and who sees the assignee's records, on every read path", async () => {
    const w = await createTestWorkspace(api);
    const { admin, member, manager } = w.users;
    // A second member in a team with the first; the admin is in no team with them.
    const teammate = (await post(admin, "/api/v1/users", {
      email: `mate.${w.slug}@example.com`,
      name: "Mate",
      role: "member",
      password: "a long password 1",
    })) as { id: string };
    await post(admin, "/api/v1/teams", { name: "Sales", memberIds: [member.id, teammate.id] });
    const toAdmin = await task(manager, { title: "for the admin", assigneeId: admin.id, dueDate: "2020-01-01" });
    const toMate = await task(manager, { title: "for the mate", assigneeId: teammate.id, dueDate: "2020-01-01" });
    const byMember = await task(member, { title: "from the member", assigneeId: admin.id, dueDate: "2020-01-01" });
    const toMember = await task(admin, { title: "for the member", assigneeId: member.id });

    // Members sign in again to pick up their new team.
    const signIn = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: member.email, password: member.password },
    });
    const cookie = `rapport_session=${signIn.cookies.find((c) => c.name === "rapport_session")?.value}`;
    const m: TestUser = { ...member, cookie, headers: { cookie, "x-requested-with": "rapport" } };

    const seen = await listIds(m, "limit=2");
    expect(new Set(seen)).toEqual(new Set([toMate.id, byMember.id, toMember.id]));
    expect(new Set(await listIds(manager, "limit=50"))).toEqual(new Set([toAdmin.id, toMate.id, byMember.id, toMember.id]));
    // Filters, sorts and counts can't reveal hidden tasks.
    expect(await listIds(m, `filter[assigneeId][eq]=${admin.id}`)).toEqual([byMember.id]);
    expect(await listIds(m, "filter[title][contains]=admin")).toEqual([]);
    expect(new Set(await listIds(m, "sort=-priority,title&filter[status][eq]=open"))).toEqual(new Set(seen));
    expect((await get(m, `/api/v1/tasks/${toAdmin.id}`)).statusCode).toBe(404);
    expect((await as(api, m, { method: "PATCH", url: `/api/v1/tasks/${toAdmin.id}`, payload: { title: "x" } })).statusCode).toBe(404);
    expect((await as(api, m, { method: "POST", url: `/api/v1/tasks/${toAdmin.id}/complete` })).statusCode).toBe(404);
    expect((await get(m, `/api/v1/tasks/${toMate.id}`)).statusCode).toBe(200);
    // Counts and My tasks are the caller's own assignments only.
    expect((await get(m, "/api/v1/tasks/mine/counts")).json()).toEqual({ overdue: 0, dueToday: 0 });
    expect((await get(admin, "/api/v1/tasks/mine/counts")).json()).toEqual({ overdue: 2, dueToday: 0 });

    // Realtime: the same rule decides who receives a task's events.
    const rule = taskEventRule(api.db);
    const event = (payload: Json) => ({ workspaceId: w.id, entityType: "task", payload }) as unknown as StoredEvent;
    const principal = (u: TestUser, teamIds: string[] = []) => ({
      workspaceId: w.id,
      actorType: "user" as const,
      actorId: u.id,
      userId: u.id,
      role: u.role,
      teamIds,
      sessionId: null,
    });
    const teams = await api.db
      .selectFrom("team_members")
      .select("team_id")
      .where("workspace_id", "=", w.id)
      .where("user_id", "=", member.id)
      .execute();
    const mp = principal(
      member,
      teams.map((t) => t.team_id),
    );
    expect(await rule(mp, event({ assigneeId: teammate.id, creatorId: manager.id }))).toBe(true);
    expect(await rule(mp, event({ assigneeId: admin.id, creatorId: member.id }))).toBe(true);
    expect(await rule(mp, event({ assigneeId: admin.id, creatorId: manager.id }))).toBe(false);
    expect(await rule(mp, event({ assigneeId: admin.id, previousAssigneeId: teammate.id, creatorId: null }))).toBe(true);
    expect(await rule(principal(manager), event({ assigneeId: admin.id, creatorId: null }))).toBe(true);
  });

  it("filters by assignee, status, priority, due range and linked record, sorts, and pages without repeats", async () => {
    const w = await createTestWorkspace(api);
    const { admin, member } = w.users;
    const person = await contact(admin);
    const company = await post(admin, "/api/v1/companies", { name: "Tasks Co" });
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const t = await task(admin, {
        title: `T${String(i).padStart(2, "0")}`,
        priority: (["low", "normal", "high", "urgent"] as const)[i % 4],
        ...(i % 3 === 0 ? { dueDate: `2026-04-${String((i % 28) + 1).padStart(2, "0")}` } : {}),
        ...(i % 3 === 1 ? { dueAt: `2026-04-${String((i % 28) + 1).padStart(2, "0")}T09:00:00Z` } : {}),
        assigneeId: i % 2 === 0 ? admin.id : member.id,
        ...(i % 5 === 0 ? { linked: { type: "contact", id: person.id } } : {}),
        ...(i === 7 ? { linked: { type: "company", id: company.id } } : {}),
      });
      ids.push(t.id);
    }
    await post(admin, `/api/v1/tasks/${ids[3]}/complete`, {}, 200);
    const all = await listIds(admin, "limit=5");
    expect(all).toHaveLength(23);
    expect(new Set(all).size).toBe(23);
    expect(await listIds(admin, `filter[linkedType][eq]=contact&filter[linkedId][eq]=${person.id}&sort=title`)).toEqual(
      [0, 5, 10, 15, 20].map((i) => ids[i]),
    );
    expect(await listIds(admin, `filter[linkedType][eq]=company&filter[linkedId][eq]=${company.id}`)).toEqual([ids[7]]);
    expect(await listIds(admin, "filter[status][eq]=done")).toEqual([ids[3]]);
    expect((await listIds(admin, `filter[assigneeId][eq]=${member.id}&limit=4`)).length).toBe(11);
    expect((await listIds(admin, "filter[priority][in]=urgent,high&limit=3")).length).toBe(11);
    const april = await listIds(admin, "filter[due][gte]=2026-04-05&filter[due][lt]=2026-04-10&sort=due");
    expect(april).toEqual([ids[4], ids[6], ids[7]]);
    // Undated tasks come last in due order, and priority sorts by rank, not by name.
    const byDue = (await get(admin, "/api/v1/tasks?sort=due&limit=200")).json().items as { dueDate: string | null; dueAt: string | null }[];
    expect(byDue.findIndex((t) => !t.dueDate && !t.dueAt)).toBe(16);
    const byPriority = (await get(admin, "/api/v1/tasks?sort=-priority,title&limit=200")).json().items as { priority: string }[];
    expect(byPriority.map((t) => t.priority).slice(0, 6)).toEqual(["urgent", "urgent", "urgent", "urgent", "urgent", "high"]);
    const paged = await listIds(admin, "sort=-priority,due&limit=4");
    expect(new Set(paged).size).toBe(23);
  });

  it("groups My tasks into overdue, today, upcoming and no date in the user's time zone", async () => {
    const w = await createTestWorkspace(api);
    const { admin } = w.users;
    const now = Date.now();
    const hour = 3600_000;
    // Kiritimati is UTC+14: far from UTC, so a UTC "today" would group these differently.
    const tz = await as(api, admin, { method: "PUT", url: "/api/v1/me/time-zone", payload: { timeZone: "Pacific/Kiritimati" } });
    expect(tz.json()).toEqual({ timeZone: "Pacific/Kiritimati", own: "Pacific/Kiritimati", workspace: "UTC" });
    const localToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date(now));
    const localYesterday = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date(now - 24 * hour));
    const localTomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date(now + 24 * hour));
    const overdue = [await task(admin, { dueDate: localYesterday }), await task(admin, { dueAt: new Date(now - hour).toISOString() })];
    const today = await task(admin, { dueDate: localToday });
    const upcoming = await task(admin, { dueDate: localTomorrow });
    const undated = await task(admin);
    const done = await task(admin, { dueDate: localYesterday });
    await post(admin, `/api/v1/tasks/${done.id}/complete`, {}, 200);
    await task(w.users.manager, { dueDate: localYesterday }); // someone else's
    const mine = (await get(admin, "/api/v1/tasks/mine")).json();
    expect(mine.timeZone).toBe("Pacific/Kiritimati");
    expect(mine.today).toBe(localToday);
    expect(mine.overdue.map((t: Json) => t.id).sort()).toEqual(overdue.map((t) => t.id).sort());
    expect(mine.dueToday.map((t: Json) => t.id)).toEqual([today.id]);
    expect(mine.upcoming.map((t: Json) => t.id)).toEqual([upcoming.id]);
    expect(mine.noDate.map((t: Json) => t.id)).toEqual([undated.id]);
    expect(mine.truncated).toBe(false);
    expect((await get(admin, "/api/v1/tasks/mine/counts")).json()).toEqual({ overdue: 2, dueToday: 1 });
    // Back to the workspace's zone; an unknown zone is a 400 that changes nothing.
    expect((await as(api, admin, { method: "PUT", url: "/api/v1/me/time-zone", payload: { timeZone: "Mars/Olympus" } })).statusCode).toBe(
      400,
    );
    expect((await get(admin, "/api/v1/me/time-zone")).json().own).toBe("Pacific/Kiritimati");
    expect((await as(api, admin, { method: "PUT", url: "/api/v1/me/time-zone", payload: { timeZone: null } })).json().timeZone).toBe("UTC");
    // API keys have no tasks of their own.
    const key = await w.apiKey("admin");
    const res = await api.app.inject({ method: "GET", url: "/api/v1/tasks/mine", headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(403);
  });

  it("lets other modules create tasks inside their transaction, with a source", async () => {
    const links = new TaskLinkTypes();
    const created = await api.db.transaction().execute((tx) =>
      createTask(systemTaskContext(tx, ws.id, links), {
        title: "Qualify the lead",
        assigneeId: ws.users.member.id,
        source: { type: "playbook_step", id: ZERO },
      }),
    );
    expect(created).toMatchObject({ creatorId: null, source: { type: "playbook_step", id: ZERO } });
    expect((await get(ws.users.member, `/api/v1/tasks/${created.id}`)).json().source).toEqual({ type: "playbook_step", id: ZERO });
    await expect(
      api.db.transaction().execute((tx) => createTask(systemTaskContext(tx, ws.id, links), { title: "Nobody's" })),
    ).rejects.toThrow();
  });

  it("are described in the OpenAPI document", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    for (const path of [
      "/api/v1/tasks",
      "/api/v1/tasks/mine",
      "/api/v1/tasks/mine/counts",
      "/api/v1/tasks/{id}",
      "/api/v1/tasks/{id}/complete",
      "/api/v1/tasks/{id}/reopen",
      "/api/v1/me/calendar-feed",
      "/api/v1/me/time-zone",
      "/api/v1/calendar/{file}",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it("replays a POST with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": `task-${Math.random()}` };
    const payload = { title: "Once only" };
    const a = await as(api, ws.users.admin, { method: "POST", url: "/api/v1/tasks", payload, headers });
    const b = await as(api, ws.users.admin, { method: "POST", url: "/api/v1/tasks", payload, headers });
    expect(b.json().id).toBe(a.json().id);
  });
});

import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestUser, type TestWorkspace } from "../../test/harness.js";
import { sendDueReminders } from "./index.js";

let api: TestApi;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
});
afterAll(() => api?.close());

type Json = Record<string, unknown>;
async function post(user: TestUser, url: string, payload: Json = {}, status = 201) {
  const res = await as(api, user, { method: "POST", url, payload });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const reminders = (userId: string, taskId: string) =>
  api.db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", ws.id)
    .where("user_id", "=", userId)
    .where("kind", "=", "task_reminder")
    .where("entity_id", "=", taskId)
    .execute();

describe("task reminders", () => {
  it("turn into exactly one notification each, even with several workers at once", async () => {
    const { member, admin } = ws.users;
    const past = new Date(Date.now() - 60_000).toISOString();
    const due = await post(member, "/api/v1/tasks", { title: "Call back Ada", remindAt: past });
    const later = await post(member, "/api/v1/tasks", { title: "Later", remindAt: new Date(Date.now() + 3600_000).toISOString() });
    const closed = await post(member, "/api/v1/tasks", { title: "Closed", remindAt: past });
    await post(member, `/api/v1/tasks/${closed.id}/complete`, {}, 200);
    const many = [];
    for (let i = 0; i < 5; i++) many.push(await post(admin, "/api/v1/tasks", { title: `Many ${i}`, remindAt: past }));

    // Four worker copies running the job at the same moment.
    await Promise.all([sendDueReminders(api.db), sendDueReminders(api.db), sendDueReminders(api.db), sendDueReminders(api.db)]);
    await sendDueReminders(api.db);

    const sent = await reminders(member.id, due.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.title).toBe("Reminder: Call back Ada");
    expect(await reminders(member.id, later.id)).toHaveLength(0);
    expect(await reminders(member.id, closed.id)).toHaveLength(0);
    for (const t of many) expect(await reminders(admin.id, t.id)).toHaveLength(1);
    // It shows in the bell.
    const bell = await as(api, member, { method: "GET", url: "/api/v1/notifications" });
    expect(bell.json().items.filter((n: Json) => n.kind === "task_reminder" && n.entityId === due.id)).toHaveLength(1);

    // A new reminder time is a new reminder.
    await as(api, member, {
      method: "PATCH",
      url: `/api/v1/tasks/${due.id}`,
      payload: { remindAt: new Date(Date.now() - 1000).toISOString() },
    });
    await sendDueReminders(api.db);
    expect(await reminders(member.id, due.id)).toHaveLength(2);
  });
});

describe("calendar feed", () => {
  const feedPath = (url: string) => new URL(url).pathname;

  it("serves the user's open dated tasks by secret URL, and stops after rotation or revocation", async () => {
    const { manager, member } = ws.users;
    expect((await as(api, manager, { method: "GET", url: "/api/v1/me/calendar-feed" })).json()).toEqual({
      active: false,
      createdAt: null,
      lastUsedAt: null,
    });
    const person = await post(manager, "/api/v1/contacts", { firstName: "Grace", lastName: "Hopper" });
    const allDay = await post(manager, "/api/v1/tasks", {
      title: "Renewal; call, today",
      dueDate: "2026-05-04",
      linked: { type: "contact", id: person.id },
    });
    const timed = await post(manager, "/api/v1/tasks", { title: "Demo", dueAt: "2026-05-05T14:30:00Z" });
    await post(manager, "/api/v1/tasks", { title: "Undated" });
    const done = await post(manager, "/api/v1/tasks", { title: "Done already", dueDate: "2026-05-01" });
    await post(manager, `/api/v1/tasks/${done.id}/complete`, {}, 200);
    await post(member, "/api/v1/tasks", { title: "Not mine", dueDate: "2026-05-01" });

    const created = await post(manager, "/api/v1/me/calendar-feed");
    expect(created.url).toMatch(/^http:\/\/[^/]+\/api\/v1\/calendar\/[0-9a-f]{32}\.[A-Za-z0-9_-]{43}\.ics$/);
    // Only a hash is stored: the URL's secret is nowhere in the database.
    const secret = created.url.split(".").at(-2) as string;
    const stored = await api.db.selectFrom("calendar_feeds").selectAll().where("workspace_id", "=", ws.id).execute();
    expect(JSON.stringify(stored)).not.toContain(secret);

    const res = await api.app.inject({ method: "GET", url: feedPath(created.url) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(["Demo", "Renewal; call, today"]);
    const day = events.find((e) => e.uid === `task-${allDay.id}@rapport`);
    expect(day?.startDate.toString()).toBe("2026-05-04");
    expect(day?.description).toContain("Grace Hopper");
    expect(
      events
        .find((e) => e.uid === `task-${timed.id}@rapport`)
        ?.startDate.toJSDate()
        .toISOString(),
    ).toBe("2026-05-05T14:30:00.000Z");

    // A change keeps the UID and raises the SEQUENCE.
    await as(api, manager, { method: "PATCH", url: `/api/v1/tasks/${timed.id}`, payload: { title: "Demo (moved)" } });
    const again = await api.app.inject({ method: "GET", url: feedPath(created.url) });
    const moved = new ICAL.Component(ICAL.parse(again.body))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === `task-${timed.id}@rapport`);
    expect(moved?.summary).toBe("Demo (moved)");
    expect(moved?.sequence).toBe(1);
    expect((await as(api, manager, { method: "GET", url: "/api/v1/me/calendar-feed" })).json()).toMatchObject({ active: true });

    // Wrong tokens are 404s, whatever their shape.
    for (const url of [
      "/api/v1/calendar/nothing.ics",
      feedPath(created.url).replace(
        secret,
        secret.replace(/^./, (c) => (c === "A" ? "B" : "A")),
      ),
      feedPath(created.url).replace(".ics", ".txt"),
    ]) {
      expect((await api.app.inject({ method: "GET", url })).statusCode, url).toBe(404);
    }

    const rotated = await post(manager, "/api/v1/me/calendar-feed");
    expect(rotated.url).not.toBe(created.url);
    expect((await api.app.inject({ method: "GET", url: feedPath(created.url) })).statusCode).toBe(404);
    expect((await api.app.inject({ method: "GET", url: feedPath(rotated.url) })).statusCode).toBe(200);

    expect((await as(api, manager, { method: "DELETE", url: "/api/v1/me/calendar-feed" })).statusCode).toBe(204);
    expect((await api.app.inject({ method: "GET", url: feedPath(rotated.url) })).statusCode).toBe(404);
  });

  it("is rate limited", async () => {
    const created = await post(ws.users.admin, "/api/v1/me/calendar-feed");
    const path = new URL(created.url).pathname;
    const codes: number[] = [];
    for (let i = 0; i < 35; i++) codes.push((await api.app.inject({ method: "GET", url: path })).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it("is not for API keys", async () => {
    const key = await ws.apiKey("admin");
    const res = await api.app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(403);
  });
});

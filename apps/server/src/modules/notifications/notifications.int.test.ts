import { type Endpoint, notificationEndpoints } from "@rapport/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../test/harness.js";

import { mentionMarkup } from "../interactions/index.js";

let api: TestApi;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
});
afterAll(() => api?.close());

const ZERO = "00000000-0000-4000-8000-000000000000";

async function post(user: TestUser, url: string, payload: Record<string, unknown>) {
  const res = await as(api, user, { method: "POST", url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const mine = async (user: TestUser, query = "") => (await as(api, user, { method: "GET", url: `/api/v1/notifications${query}` })).json();

describe("notifications", () => {
  it("answer 401 without credentials", async () => {
    for (const e of Object.values(notificationEndpoints) as Endpoint[]) {
      expect((await api.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO) })).statusCode).toBe(401);
    }
  });

  it("tell a mentioned user who mentioned them where; marking read is theirs alone", async () => {
    const { admin, manager, member } = ws.users;
    const person = await post(admin, "/api/v1/contacts", { firstName: "Mia", lastName: "Mentioned", ownerId: null });
    const body = `Call ${mentionMarkup("manager user", manager.id)} and ${mentionMarkup("me", admin.id)} about it`;
    const note = await post(admin, "/api/v1/interactions", { type: "note", body, contactIds: [person.id] });
    expect(note.mentionedUserIds).toEqual([manager.id, admin.id]);
    const inbox = await mine(manager);
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "mention",
      title: "admin user mentioned you on Mia Mentioned",
      entityType: "contact",
      entityId: person.id,
      readAt: null,
    });
    expect((await mine(admin)).items).toEqual([]);

    const id = inbox.items[0].id;
    const before = await snapshotCounts(api);
    for (const user of [member, admin]) {
      expect((await as(api, user, { method: "POST", url: `/api/v1/notifications/${id}/read` })).statusCode).toBe(404);
    }
    expect((await as(api, manager, { method: "POST", url: `/api/v1/notifications/${ZERO}/read` })).statusCode).toBe(404);
    expect(await snapshotCounts(api)).toEqual(before);
    expect((await as(api, manager, { method: "POST", url: `/api/v1/notifications/${id}/read` })).statusCode).toBe(204);
    expect((await as(api, manager, { method: "POST", url: `/api/v1/notifications/${id}/read` })).statusCode).toBe(204);
    expect(await mine(manager)).toMatchObject({ unreadCount: 0, items: [{ id }] });
    expect((await mine(manager, "?unread=true")).items).toEqual([]);

    // Editing the body notifies only users mentioned for the first time.
    await as(api, admin, {
      method: "PATCH",
      url: `/api/v1/interactions/${note.id}`,
      payload: { body: `${body} ${mentionMarkup("ro", ws.users.read_only.id)}` },
    });
    expect((await mine(manager)).unreadCount).toBe(0);
    expect((await mine(ws.users.read_only)).unreadCount).toBe(1);
  });

  it("do not name a record to a mentioned user who may not see it", async () => {
    const t = await createTestWorkspace(api);
    const person = await post(t.users.admin, "/api/v1/contacts", { firstName: "Secret", lastName: "Client" });
    await post(t.users.admin, "/api/v1/interactions", {
      type: "note",
      body: mentionMarkup("member", t.users.member.id),
      contactIds: [person.id],
    });
    expect(await mine(t.users.member)).toEqual({ items: [], unreadCount: 0 });
  });
});

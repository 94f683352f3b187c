import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestUser, type TestWorkspace } from "../../test/harness.js";

/**
 * The timeline reads the record's visibility, the page and each interaction's links and
 * attendees in one statement (decision 0035): what it answers must stay what the separate
 * lookups answered — the same items as GET /interactions/:id, the same 404s and 400s.
 */
let api: TestApi;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
});
afterAll(() => api?.close());

type Json = Record<string, unknown>;
async function post(user: TestUser, url: string, payload: Json) {
  const res = await as(api, user, { method: "POST", url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const get = (user: TestUser, url: string) => as(api, user, { method: "GET", url });

describe("the timeline in one statement", () => {
  it("presents every item as GET /interactions/:id does: links (sorted), attendees (sorted), mentions", async () => {
    const admin = ws.users.admin;
    const person = await post(admin, "/api/v1/contacts", { firstName: "Tim", lastName: "Line" });
    const other = await post(admin, "/api/v1/contacts", { firstName: "Oth", lastName: "Er" });
    const company = await post(admin, "/api/v1/companies", { name: `Timeline Co ${Math.random()}` });
    const attendees = [ws.users.member.id, ws.users.manager.id, admin.id];
    const created = [
      await post(admin, "/api/v1/interactions", {
        type: "meeting",
        subject: "All of it",
        contactIds: [person.id, other.id],
        companyIds: [company.id],
        attendeeIds: attendees,
        occurredAt: "2026-11-01T10:00:00.000Z",
      }),
      await post(admin, "/api/v1/interactions", {
        type: "note",
        body: "Just a note",
        contactIds: [person.id],
        occurredAt: "2026-11-02T10:00:00.000Z",
      }),
    ];
    const timeline = await get(admin, `/api/v1/contacts/${person.id}/timeline?limit=10`);
    expect(timeline.statusCode).toBe(200);
    const items = timeline.json().items as Json[];
    expect(items.map((i) => i.id)).toEqual([created[1].id, created[0].id]);
    for (const item of items) expect(item).toEqual((await get(admin, `/api/v1/interactions/${item.id}`)).json());
    const meeting = items[1] as { contactIds: string[]; companyIds: string[]; attendeeIds: string[] };
    expect(meeting.contactIds).toEqual([person.id, other.id].sort());
    expect(meeting.companyIds).toEqual([company.id]);
    expect(meeting.attendeeIds).toEqual([...attendees].sort());
    expect(items[0]).toMatchObject({ contactIds: [person.id], companyIds: [], attendeeIds: [] });
  });

  it("hides links to records the caller may not see, in the timeline as in the single read", async () => {
    const t = await createTestWorkspace(api);
    const hidden = await post(t.users.admin, "/api/v1/contacts", { firstName: "Hid", lastName: "Den" });
    const mine = await post(t.users.member, "/api/v1/contacts", { firstName: "Mi", lastName: "Ne" });
    const both = await post(t.users.admin, "/api/v1/interactions", { type: "call", contactIds: [hidden.id, mine.id] });
    const m = t.users.member;
    const items = (await get(m, `/api/v1/contacts/${mine.id}/timeline`)).json().items as Json[];
    expect(items.map((i) => i.id)).toEqual([both.id]);
    expect(items[0]?.contactIds).toEqual([mine.id]);
    expect(items[0]).toEqual((await get(m, `/api/v1/interactions/${both.id}`)).json());
    // The admin sees both links.
    const all = (await get(t.users.admin, `/api/v1/contacts/${mine.id}/timeline`)).json().items as Json[];
    expect(all[0]?.contactIds).toEqual([hidden.id, mine.id].sort());
  });

  it("answers an empty page for a visible record without interactions, trashed ones too, and 404 for hidden or missing ones", async () => {
    const t = await createTestWorkspace(api);
    const empty = await post(t.users.admin, "/api/v1/contacts", { firstName: "No", lastName: "Thing" });
    const res = await get(t.users.admin, `/api/v1/contacts/${empty.id}/timeline`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
    const trashed = await post(t.users.admin, "/api/v1/contacts", { firstName: "In", lastName: "Trash" });
    await post(t.users.admin, "/api/v1/interactions", { type: "note", body: "before the trash", contactIds: [trashed.id] });
    expect((await as(api, t.users.admin, { method: "DELETE", url: `/api/v1/contacts/${trashed.id}` })).statusCode).toBe(204);
    const inTrash = await get(t.users.admin, `/api/v1/contacts/${trashed.id}/timeline`);
    expect(inTrash.statusCode).toBe(200);
    expect(inTrash.json().items).toHaveLength(1);
    // A member sees no unowned-by-team record of the admin's: 404 with and without interactions.
    const owned = await post(t.users.admin, "/api/v1/contacts", { firstName: "Ow", lastName: "Ned", ownerId: t.users.admin.id });
    await post(t.users.admin, "/api/v1/interactions", { type: "note", body: "owned", contactIds: [owned.id] });
    const ownedEmpty = await post(t.users.admin, "/api/v1/contacts", { firstName: "Ow", lastName: "Empty", ownerId: t.users.admin.id });
    for (const id of [owned.id, ownedEmpty.id, "00000000-0000-4000-8000-000000000000"]) {
      expect((await get(t.users.member, `/api/v1/contacts/${id}/timeline`)).statusCode, id).toBe(404);
    }
    // The record's workspace decides, not the id: another workspace's person is 404 to an admin.
    expect((await get(ws.users.admin, `/api/v1/contacts/${owned.id}/timeline`)).statusCode).toBe(404);
  });

  it("answers 404 before 400 for a bad cursor on a record the caller may not see, 400 on one it may", async () => {
    const t = await createTestWorkspace(api);
    const owned = await post(t.users.admin, "/api/v1/contacts", { firstName: "Cur", lastName: "Sor", ownerId: t.users.admin.id });
    const bad = Buffer.from(JSON.stringify(["not a time", "00000000-0000-4000-8000-000000000000"])).toString("base64url");
    for (const cursor of ["garbage", bad]) {
      expect((await get(t.users.member, `/api/v1/contacts/${owned.id}/timeline?cursor=${cursor}`)).statusCode, cursor).toBe(404);
      expect(
        (await get(t.users.admin, `/api/v1/contacts/${owned.id}/timeline?cursor=${cursor}`)).statusCode,
        cursor,
      ).toBeGreaterThanOrEqual(400);
    }
    expect((await get(t.users.admin, `/api/v1/contacts/${owned.id}/timeline?cursor=garbage`)).statusCode).toBe(400);
  });
});

import { companyEndpoints, contactEndpoints, type Endpoint, interactionEndpoints } from "@rapport/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

import { interactionEventRule, mentionMarkup } from "./index.js";

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

async function post(user: TestUser, url: string, payload: Json) {
  const res = await as(api, user, { method: "POST", url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const contact = (user: TestUser, extra: Json = {}) =>
  post(user, "/api/v1/contacts", { firstName: "Test", lastName: `Person ${Math.random()}`, ...extra });
const log = (user: TestUser, payload: Json) => post(user, "/api/v1/interactions", { type: "note", ...payload });

describe("interactions", () => {
  it("answer 401 on every endpoint and timeline without credentials", async () => {
    const all: Endpoint[] = [...Object.values(interactionEndpoints), contactEndpoints.timeline, companyEndpoints.timeline];
    for (const e of all) {
      const res = await api.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO), payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it("logs a meeting on a person and a company, with attendees, and keeps their last interaction and summary", async () => {
    const admin = ws.users.admin;
    const person = await contact(admin);
    const company = await post(admin, "/api/v1/companies", { name: "Meeting Co" });
    const at = "2026-03-02T10:00:00.000Z";
    const meeting = await log(admin, {
      type: "meeting",
      occurredAt: at,
      endsAt: "2026-03-02T11:00:00+00:00",
      subject: "Kick-off",
      location: "Berlin",
      contactIds: [person.id],
      companyIds: [company.id],
      attendeeIds: [ws.users.manager.id],
    });
    expect(meeting).toMatchObject({
      type: "meeting",
      occurredAt: at,
      contactIds: [person.id],
      companyIds: [company.id],
      attendeeIds: [ws.users.manager.id],
      authorId: admin.id,
    });
    await log(admin, {
      type: "call",
      occurredAt: "2026-01-01T09:00:00Z",
      durationSeconds: 300,
      direction: "outbound",
      contactIds: [person.id],
    });
    expect((await as(api, admin, { method: "GET", url: `/api/v1/contacts/${person.id}` })).json().lastInteractionAt).toBe(at);
    expect((await as(api, admin, { method: "GET", url: `/api/v1/companies/${company.id}` })).json().lastInteractionAt).toBe(at);
    const summary = await as(api, admin, { method: "GET", url: `/api/v1/contacts/${person.id}/summary` });
    expect(summary.json()).toMatchObject({ interactionCount: 2, interactionsByType: { meeting: 1, call: 1 }, lastInteractionAt: at });

    const moved = await as(api, admin, {
      method: "PATCH",
      url: `/api/v1/interactions/${meeting.id}`,
      payload: { occurredAt: "2025-12-01T10:00:00Z", endsAt: null, subject: "Moved" },
    });
    expect(moved.json()).toMatchObject({ subject: "Moved", occurredAt: "2025-12-01T10:00:00.000Z", endsAt: null });
    expect((await as(api, admin, { method: "GET", url: `/api/v1/contacts/${person.id}` })).json().lastInteractionAt).toBe(
      "2026-01-01T09:00:00.000Z",
    );
    expect((await as(api, admin, { method: "DELETE", url: `/api/v1/interactions/${meeting.id}` })).statusCode).toBe(204);
    expect((await as(api, admin, { method: "GET", url: `/api/v1/interactions/${meeting.id}` })).statusCode).toBe(404);
    expect((await as(api, admin, { method: "GET", url: `/api/v1/companies/${company.id}` })).json().lastInteractionAt).toBeNull();
    expect((await as(api, admin, { method: "GET", url: `/api/v1/companies/${company.id}/summary` })).json()).toMatchObject({
      interactionCount: 0,
      lastInteractionAt: null,
    });
  });

  it("pages a timeline of 120 interactions newest first, without duplicates, and filters by type", async () => {
    const admin = ws.users.admin;
    const person = await contact(admin);
    const base = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 120; i++) {
      // Every third pair shares its time: the id breaks the tie.
      const at = new Date(base + Math.floor(i / 2) * 60_000).toISOString();
      await log(admin, { type: i % 4 === 0 ? "call" : "note", occurredAt: at, subject: `#${i}`, contactIds: [person.id] });
    }
    const seen: { id: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/contacts/${person.id}/timeline?limit=50${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await as(api, admin, { method: "GET", url });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
      pages++;
      if (pages === 1) {
        // Logged meanwhile, older than the cursor: appears on a later page exactly once.
        await log(admin, { occurredAt: "2025-06-01T00:00:00Z", subject: "late", contactIds: [person.id] });
      }
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(121);
    expect(new Set(seen.map((s) => s.id)).size).toBe(121);
    const times = seen.map((s) => Date.parse(s.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const calls = await as(api, admin, { method: "GET", url: `/api/v1/interactions?contactId=${person.id}&types=call,meeting&limit=200` });
    expect(calls.json().items).toHaveLength(30);
    expect(calls.json().items.every((i: { type: string }) => i.type === "call")).toBe(true);
    expect((await as(api, admin, { method: "GET", url: `/api/v1/contacts/${person.id}/timeline?types=fax` })).statusCode).toBe(400);
    expect((await as(api, admin, { method: "GET", url: `/api/v1/contacts/${person.id}/timeline?cursor=garbage` })).statusCode).toBe(400);
  });

  it("answers 400 listing what is wrong, and changes nothing", async () => {
    const admin = ws.users.admin;
    const person = await contact(admin);
    const foreign = await contact(other.users.admin);
    const before = await snapshotCounts(api);
    const cases: [Json, string][] = [
      [{ type: "note" }, "body.contactIds"],
      [{ type: "fax", contactIds: [person.id] }, "body.type"],
      [{ contactIds: [foreign.id, ZERO] }, "body.contactIds"],
      [{ companyIds: [ZERO] }, "body.companyIds"],
      [{ contactIds: [person.id], attendeeIds: [other.users.admin.id] }, "body.attendeeIds"],
      [{ contactIds: [person.id], body: `hi ${mentionMarkup("Eve", other.users.member.id)}` }, "body.body"],
      [{ contactIds: [person.id], occurredAt: "2026-01-02T00:00:00Z", endsAt: "2026-01-01T00:00:00Z" }, "body.endsAt"],
      [{ contactIds: [person.id], authorId: admin.id }, ""],
    ];
    for (const [payload, path] of cases) {
      const res = await as(api, admin, { method: "POST", url: "/api/v1/interactions", payload: { type: "note", ...payload } });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (path) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const listed = await as(api, admin, {
      method: "POST",
      url: "/api/v1/interactions",
      payload: { type: "note", contactIds: [foreign.id, ZERO] },
    });
    expect(
      listed
        .json()
        .errors.map((e: { message: string }) => e.message)
        .join(),
    ).toContain(foreign.id);
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("lets read-only users read but not write, and only authors or managers delete", async () => {
    const admin = ws.users.admin;
    const person = await contact(admin, { ownerId: null });
    const note = await log(admin, { contactIds: [person.id] });
    const before = await snapshotCounts(api);
    const ro = ws.users.read_only;
    expect((await as(api, ro, { method: "GET", url: `/api/v1/interactions/${note.id}` })).statusCode).toBe(200);
    for (const call of [
      { method: "POST" as const, url: "/api/v1/interactions", payload: { type: "note", contactIds: [person.id] } },
      { method: "PATCH" as const, url: `/api/v1/interactions/${note.id}`, payload: { subject: "x" } },
      { method: "DELETE" as const, url: `/api/v1/interactions/${note.id}` },
    ]) {
      expect((await as(api, ro, call)).statusCode, call.method).toBe(403);
    }
    expect((await as(api, ws.users.member, { method: "DELETE", url: `/api/v1/interactions/${note.id}` })).statusCode).toBe(403);
    expect(await snapshotCounts(api)).toEqual(before);
    const own = await log(ws.users.member, { contactIds: [person.id] });
    expect((await as(api, ws.users.member, { method: "DELETE", url: `/api/v1/interactions/${own.id}` })).statusCode).toBe(204);
  });

  it("answers 404 for another workspace's interaction or record like for a missing one", async () => {
    const foreignPerson = await contact(other.users.admin);
    const foreign = await log(other.users.admin, { contactIds: [foreignPerson.id] });
    for (const id of [foreign.id, ZERO]) {
      for (const call of [
        { method: "GET" as const, url: `/api/v1/interactions/${id}` },
        { method: "PATCH" as const, url: `/api/v1/interactions/${id}`, payload: { subject: "mine" } },
        { method: "DELETE" as const, url: `/api/v1/interactions/${id}` },
      ]) {
        expect((await as(api, ws.users.admin, call)).statusCode, `${call.method} ${id}`).toBe(404);
      }
    }
    for (const url of [
      `/api/v1/contacts/${foreignPerson.id}/timeline`,
      `/api/v1/companies/${ZERO}/timeline`,
      `/api/v1/interactions?contactId=${foreignPerson.id}`,
    ]) {
      expect((await as(api, ws.users.admin, { method: "GET", url })).statusCode, url).toBe(404);
    }
    const list = await as(api, ws.users.admin, { method: "GET", url: "/api/v1/interactions?limit=200" });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(foreign.id);
  });

  it("hides interactions on records a member of no team may not see, and the ids of such records", async () => {
    const t = await createTestWorkspace(api);
    const hidden = await contact(t.users.admin);
    const mine = await contact(t.users.member);
    const onHidden = await log(t.users.admin, { contactIds: [hidden.id] });
    const onBoth = await log(t.users.admin, { contactIds: [hidden.id, mine.id] });
    const m = t.users.member;
    expect((await as(api, m, { method: "GET", url: `/api/v1/contacts/${hidden.id}/timeline` })).statusCode).toBe(404);
    expect((await as(api, m, { method: "GET", url: `/api/v1/interactions/${onHidden.id}` })).statusCode).toBe(404);
    expect((await as(api, m, { method: "PATCH", url: `/api/v1/interactions/${onHidden.id}`, payload: { subject: "x" } })).statusCode).toBe(
      404,
    );
    const list = await as(api, m, { method: "GET", url: "/api/v1/interactions" });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([onBoth.id]);
    expect(list.json().items[0].contactIds).toEqual([mine.id]);
    const link = await as(api, m, { method: "POST", url: "/api/v1/interactions", payload: { type: "note", contactIds: [hidden.id] } });
    expect(link.statusCode).toBe(400);
    // The realtime stream applies the same rule to the events.
    const rule = interactionEventRule(api.db);
    const principal = {
      workspaceId: t.id,
      actorType: "user" as const,
      actorId: m.id,
      userId: m.id,
      role: m.role,
      teamIds: [],
      sessionId: null,
    };
    const event = (contactIds: string[]) =>
      ({ workspaceId: t.id, entityType: "interaction", payload: { contactIds, companyIds: [] } }) as unknown as StoredEvent;
    expect(await rule(principal, event([hidden.id]))).toBe(false);
    expect(await rule(principal, event([hidden.id, mine.id]))).toBe(true);
  });
});

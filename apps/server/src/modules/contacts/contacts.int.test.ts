import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, snapshotCounts, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";

let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(() => api?.close());

async function create(w: TestWorkspace, body: Record<string, unknown>, role: keyof TestWorkspace["users"] = "admin") {
  const res = await as(api, w.users[role], { method: "POST", url: "/api/v1/contacts", payload: body });
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

describe("people", () => {
  it("creates a person with normalised emails and phones, owned by the creator", async () => {
    const c = await create(ws, {
      firstName: "Ana",
      lastName: "Souza",
      emails: ["Ana.Souza@Example.COM"],
      phones: ["+55 11 91234-5678"],
      tags: ["VIP"],
    });
    expect(c).toMatchObject({
      name: "Ana Souza",
      emails: ["ana.souza@example.com"],
      phones: ["+5511912345678"],
      ownerId: ws.users.admin.id,
      lifecycleStage: "lead",
    });
    const got = await as(api, ws.users.read_only, { method: "GET", url: `/api/v1/contacts/${c.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().id).toBe(c.id);
  });

  it("writes the person, its search tokens and its event together; the event carries what was stored", async () => {
    const c = await create(ws, {
      firstName: "Zélie",
      lastName: "Quarrington",
      title: "Buyer",
      emails: ["zelie@quarrington.example"],
      addresses: [{ city: "Lyon", country: "FR" }],
      social: { linkedin: "zq" },
      lifecycleStage: "customer",
      source: "fair",
      tags: ["Trade"],
      notes: "met at the fair",
    });
    const events = await api.database.pool.query("SELECT type, payload FROM domain_events WHERE entity_id = $1", [c.id]);
    expect(events.rows).toHaveLength(1);
    const { id: _i, name: _n, createdAt: _c, updatedAt: _u, deletedAt: _d, lastInteractionAt: _l, companies: _co, ...stored } = c;
    expect(events.rows[0]).toEqual({
      type: "contact.created",
      payload: { after: { ...stored, companyIds: [] }, ownerId: ws.users.admin.id },
    });
    const found = await as(api, ws.users.admin, { method: "GET", url: "/api/v1/search?q=quarington" });
    expect(found.json().items.map((h: { id: string }) => h.id)).toContain(c.id);
    const listed = await as(api, ws.users.admin, { method: "GET", url: "/api/v1/contacts?q=zelie" });
    expect(listed.json().items.map((h: { id: string }) => h.id)).toContain(c.id);
  });

  it("replays a create with the same Idempotency-Key: one person, one event", async () => {
    const call = () =>
      as(api, ws.users.admin, {
        method: "POST",
        url: "/api/v1/contacts",
        payload: { lastName: "Onceonly" },
        headers: { "idempotency-key": `once-${ws.id}` },
      });
    const first = await call();
    const second = await call();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const rows = await api.database.pool.query(
      "SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1 AND last_name = 'Onceonly'",
      [ws.id],
    );
    expect(rows.rows[0].n).toBe(1);
    const events = await api.database.pool.query("SELECT count(*)::int AS n FROM domain_events WHERE entity_id = $1", [first.json().id]);
    expect(events.rows[0].n).toBe(1);
  });

  it("works for B2C: a person with no company", async () => {
    const c = await create(ws, { lastName: "Solo" });
    expect(c.companies).toEqual([]);
  });

  it("rejects bad input with field errors and changes nothing", async () => {
    const before = await snapshotCounts(api);
    for (const payload of [
      { firstName: "", lastName: "" },
      { lastName: "X", emails: ["nope"] },
      { lastName: "X", phones: ["12"] },
      { lastName: "X", ownerId: other.users.admin.id },
      { lastName: "X", companies: [{ companyId: "00000000-0000-4000-8000-000000000000" }] },
      { lastName: "X", workspaceId: other.id },
      { lastName: "X", custom: { nope: 1 } },
    ]) {
      const res = await as(api, ws.users.admin, { method: "POST", url: "/api/v1/contacts", payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("answers 401, 403 and 404 on the right paths", async () => {
    const c = await create(ws, { lastName: "Guarded" });
    expect((await api.app.inject({ method: "GET", url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(401);
    expect(
      (await as(api, ws.users.read_only, { method: "PATCH", url: `/api/v1/contacts/${c.id}`, payload: { title: "x" } })).statusCode,
    ).toBe(403);
    expect((await as(api, ws.users.member, { method: "DELETE", url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(403);
    for (const call of [
      { method: "GET" as const, url: `/api/v1/contacts/${c.id}` },
      { method: "PATCH" as const, url: `/api/v1/contacts/${c.id}`, payload: { title: "stolen" } },
      { method: "DELETE" as const, url: `/api/v1/contacts/${c.id}` },
      { method: "GET" as const, url: `/api/v1/contacts/${c.id}/summary` },
    ]) {
      expect((await as(api, other.users.admin, call)).statusCode, call.method).toBe(404);
    }
  });

  it("updates fields, records old → new in the event, and keeps unspecified fields", async () => {
    const c = await create(ws, { firstName: "Bo", lastName: "Lind", title: "CTO", tags: ["a"] });
    const res = await as(api, ws.users.manager, {
      method: "PATCH",
      url: `/api/v1/contacts/${c.id}`,
      payload: { title: "CEO", lifecycleStage: "customer" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: "CEO", lifecycleStage: "customer", tags: ["a"], firstName: "Bo" });
    const ev = await api.database.pool.query("SELECT payload FROM domain_events WHERE entity_id = $1 AND type = 'contact.updated'", [c.id]);
    expect(ev.rows[0].payload.changes.title).toEqual({ old: "CTO", new: "CEO" });
  });

  it("moves to the trash and back", async () => {
    const c = await create(ws, { lastName: "Trashy" });
    expect((await as(api, ws.users.manager, { method: "DELETE", url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(204);
    const list = await as(api, ws.users.admin, { method: "GET", url: `/api/v1/contacts?filter[lastName][eq]=Trashy` });
    expect(list.json().items).toHaveLength(0);
    const trash = await as(api, ws.users.admin, { method: "GET", url: `/api/v1/contacts?trash=true&filter[lastName][eq]=Trashy` });
    expect(trash.json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const restored = await as(api, ws.users.manager, { method: "POST", url: `/api/v1/contacts/${c.id}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
  });
});

describe("creates in one round trip with a remembered API key (decision 0031)", () => {
  it("creates gettable, listable, searchable people with their event, and replays an Idempotency-Key once", async () => {
    const t = await createTestWorkspace(api);
    const headers = { authorization: `Bearer ${await t.apiKey("admin")}` };
    const post = (payload: Record<string, unknown>, extra: Record<string, string> = {}) =>
      api.app.inject({ method: "POST", url: "/api/v1/contacts", payload, headers: { ...headers, ...extra } });
    // The first create looks the key up; the next ones fold its check into their statement.
    const ids: string[] = [];
    for (const lastName of ["Keyfirst", "Keysecond", "Keythird"]) {
      const res = await post({ firstName: "Via", lastName, emails: [`${lastName}@example.com`] });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    for (const id of ids) {
      expect((await api.app.inject({ method: "GET", url: `/api/v1/contacts/${id}`, headers })).statusCode).toBe(200);
      const events = await api.database.pool.query("SELECT type FROM domain_events WHERE entity_id = $1", [id]);
      expect(events.rows).toEqual([{ type: "contact.created" }]);
    }
    const listed = await api.app.inject({ method: "GET", url: "/api/v1/contacts?sort=name", headers });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(ids));
    const found = await api.app.inject({ method: "GET", url: "/api/v1/search?q=keythird", headers });
    expect(found.json().items.map((h: { id: string }) => h.id)).toEqual([ids[2]]);
    const vocabulary = await api.database.pool.query(
      "SELECT token FROM search_vocabulary WHERE workspace_id = $1 AND token = 'keysecond'",
      [t.id],
    );
    expect(vocabulary.rows).toHaveLength(1);

    const first = await post({ lastName: "Keyonce" }, { "idempotency-key": "key-once" });
    const again = await post({ lastName: "Keyonce" }, { "idempotency-key": "key-once" });
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const events = await api.database.pool.query("SELECT count(*)::int AS n FROM domain_events WHERE entity_id = $1", [first.json().id]);
    expect(events.rows[0].n).toBe(1);
  });

  it("writes nothing for a key revoked meanwhile: the very next create, replay or invalid body is 401", async () => {
    const t = await createTestWorkspace(api);
    const created = await as(api, t.users.admin, { method: "POST", url: "/api/v1/api-keys", payload: { name: "Sync", role: "member" } });
    const headers = { authorization: `Bearer ${created.json().secret}` };
    const post = (payload: Record<string, unknown>, extra: Record<string, string> = {}) =>
      api.app.inject({ method: "POST", url: "/api/v1/contacts", payload, headers: { ...headers, ...extra } });
    const company = await as(api, t.users.admin, { method: "POST", url: "/api/v1/companies", payload: { name: "Revokedco" } });
    expect((await post({ lastName: "Beforerevoke" })).statusCode).toBe(201);
    expect((await post({ lastName: "Replayed" }, { "idempotency-key": "before" })).statusCode).toBe(201);
    // Revoked by another server copy or the CLI: no notice reaches this copy, only the row changes.
    await api.database.pool.query("UPDATE api_keys SET revoked_at = now() WHERE id = $1", [created.json().apiKey.id]);
    const before = await snapshotCounts(api);
    const attempts = [
      await post({ lastName: "Afterrevoke", emails: ["after@example.com"] }),
      await post({ lastName: "Afterrevoke", companies: [{ companyId: company.json().id }] }),
      await post({ lastName: "Fresh" }, { "idempotency-key": "after" }),
      await post({ lastName: "Replayed" }, { "idempotency-key": "before" }),
      await post({ lastName: "" }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    for (const r of attempts) expect(r.body).not.toContain("Replayed");
    expect(await snapshotCounts(api)).toEqual(before);
  });
});

describe("record visibility", () => {
  it("a member without a team sees only their own and unassigned people, on every read path", async () => {
    const t = await createTestWorkspace(api);
    const mine = await create(t, { lastName: "Mine", tags: ["shared-tag"] }, "member");
    const theirs = await create(t, { lastName: "Theirs", tags: ["shared-tag"] }, "admin");
    const unowned = await create(t, { lastName: "Nobody", tags: ["shared-tag"], ownerId: null }, "admin");
    const m = t.users.member;
    expect((await as(api, m, { method: "GET", url: `/api/v1/contacts/${theirs.id}` })).statusCode).toBe(404);
    expect((await as(api, m, { method: "PATCH", url: `/api/v1/contacts/${theirs.id}`, payload: { title: "x" } })).statusCode).toBe(404);
    const list = await as(api, m, { method: "GET", url: "/api/v1/contacts?filter[tags][eq]=shared-tag&sort=-createdAt" });
    expect(
      list
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([mine.id, unowned.id].sort());
    const search = await as(api, m, { method: "GET", url: "/api/v1/search?q=theirs" });
    expect(search.json().items).toEqual([]);
    const bulk = await as(api, m, {
      method: "POST",
      url: "/api/v1/contacts/bulk",
      payload: { action: "addTags", ids: [theirs.id, mine.id], tags: ["x"] },
    });
    expect(bulk.json().affected).toBe(1);
    const admin = await as(api, t.users.admin, { method: "GET", url: "/api/v1/contacts?filter[tags][eq]=shared-tag" });
    expect(admin.json().items).toHaveLength(3);
  });
});

describe("search", () => {
  let t: TestWorkspace;
  beforeAll(async () => {
    t = await createTestWorkspace(api);
    await create(t, { firstName: "John", lastName: "Smith", emails: ["john.smith@acme.example"], phones: ["+49 30 1234567"] });
    await create(t, { firstName: "Johanna", lastName: "Schmidt" });
    await create(t, { firstName: "Zoë", lastName: "Ångström", tags: ["Partner"] });
    await create(t, { firstName: "Mary", lastName: "Johnson" });
  });
  const q = async (text: string) => {
    const res = await as(api, t.users.admin, { method: "GET", url: `/api/v1/search?q=${encodeURIComponent(text)}` });
    expect(res.statusCode).toBe(200);
    return res.json().items as { title: string; highlights: { field: string; ranges: [number, number][] }[] }[];
  };

  it("finds by name prefix, ranked", async () => {
    const hits = await q("joh");
    expect(hits.map((h) => h.title)).toEqual(expect.arrayContaining(["John Smith", "Johanna Schmidt", "Mary Johnson"]));
    expect((await q("john smith"))[0]?.title).toBe("John Smith");
  });

  it("tolerates typos", async () => {
    expect((await q("Jonh Smiht"))[0]?.title).toBe("John Smith");
    expect((await q("Smtih"))[0]?.title).toBe("John Smith");
  });

  it("ignores accents and case, and highlights the match", async () => {
    const hits = await q("zoe angstrom");
    expect(hits[0]?.title).toBe("Zoë Ångström");
    expect(hits[0]?.highlights.find((h) => h.field === "name")?.ranges).toEqual([
      [0, 3],
      [4, 12],
    ]);
  });

  it("finds by email, phone (any format) and tag", async () => {
    expect((await q("john.smith@acme"))[0]?.title).toBe("John Smith");
    expect((await q("acme.example"))[0]?.title).toBe("John Smith");
    expect((await q("030 1234567"))[0]?.title).toBe("John Smith");
    expect((await q("+49301234"))[0]?.title).toBe("John Smith");
    expect((await q("partner"))[0]?.title).toBe("Zoë Ångström");
  });

  it("never returns another workspace's people", async () => {
    const res = await as(api, other.users.admin, { method: "GET", url: "/api/v1/search?q=smith" });
    expect(res.json().items).toEqual([]);
  });
});

import { contactSchema } from "@rapport/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, snapshotCounts, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { customFieldsRepository } from "../custom-fields/index.js";
import { presentContact } from "./contacts.presenter.js";
import { contactsRepository } from "./contacts.repository.js";

let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(() => api?.close());

/**
 * What presentContact writes for a contact, from its rows read directly: list pages are sent
 * as pre-serialised text (decision 0024) and must be the same text once parsed, key order included.
 */
async function presented(workspaceId: string, id: string) {
  const db = api.database.db;
  const row = await contactsRepository.byId(db, workspaceId, id, { all: true }, { includeDeleted: true });
  if (!row) throw new Error(`no contact ${id}`);
  const links = await contactsRepository.companyLinks(db, workspaceId, [id]);
  const keys = new Set((await customFieldsRepository.list(db, workspaceId, "contact")).map((d) => d.key));
  return JSON.stringify(presentContact(row, links.get(id) ?? [], keys));
}

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

describe("lists", () => {
  it("filters with typed operators, sorts on several columns and rejects unknown fields with 400", async () => {
    const t = await createTestWorkspace(api);
    for (const [first, last, stage] of [
      ["Al", "Zed", "customer"],
      ["Bea", "Young", "lead"],
      ["Cy", "Young", "customer"],
      ["Di", "Xu", "customer"],
    ]) {
      await create(t, { firstName: first, lastName: last, lifecycleStage: stage });
    }
    const u = t.users.admin;
    const byStage = await as(api, u, {
      method: "GET",
      url: "/api/v1/contacts?filter[lifecycleStage][eq]=customer&sort=-lastName,firstName",
    });
    expect(byStage.json().items.map((c: { name: string }) => c.name)).toEqual(["Al Zed", "Cy Young", "Di Xu"]);
    const inList = await as(api, u, { method: "GET", url: "/api/v1/contacts?filter[firstName][in]=Al,Di&sort=firstName" });
    expect(inList.json().items.map((c: { firstName: string }) => c.firstName)).toEqual(["Al", "Di"]);
    const starts = await as(api, u, { method: "GET", url: "/api/v1/contacts?filter[lastName][startsWith]=you&sort=firstName" });
    expect(starts.json().items).toHaveLength(2);
    for (const url of [
      "/api/v1/contacts?filter[password][eq]=x",
      "/api/v1/contacts?filter[name][gt]=x",
      "/api/v1/contacts?filter[createdAt][gt]=yesterday",
      "/api/v1/contacts?sort=emails",
      "/api/v1/contacts?sort=name;DROP TABLE contacts",
      "/api/v1/contacts?cursor=garbage",
      "/api/v1/contacts?limit=500",
    ]) {
      expect((await as(api, u, { method: "GET", url })).statusCode, url).toBe(400);
    }
  });

  it("paginates without skipping or repeating while rows are inserted", async () => {
    const t = await createTestWorkspace(api);
    const u = t.users.admin;
    for (let i = 0; i < 60; i++) await create(t, { firstName: `P${String(i).padStart(3, "0")}`, lastName: "Page" });
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const url = `/api/v1/contacts?limit=7&sort=firstName${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await as(api, u, { method: "GET", url });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((c: { firstName: string }) => c.firstName));
      cursor = res.json().nextCursor;
      // New rows that sort before the cursor must not shift the pages.
      await create(t, { firstName: `A${inserted++}`, lastName: "Late" });
    } while (cursor);
    const originals = seen.filter((n) => n.startsWith("P"));
    expect(originals).toHaveLength(60);
    expect(new Set(seen).size).toBe(seen.length);
    expect(originals).toEqual([...originals].sort());
  });

  it("lists each person exactly as the contract and the single read show them (list responses skip the zod parse)", async () => {
    const t = await createTestWorkspace(api);
    const u = t.users.admin;
    const field = async (key: string) => {
      const res = await as(api, u, {
        method: "POST",
        url: "/api/v1/custom-fields",
        payload: { objectType: "contact", key, label: key, type: "text" },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    await field("kept");
    const dropped = await field("dropped");
    const company = await as(api, u, { method: "POST", url: "/api/v1/companies", payload: { name: "Acme" } });
    expect(company.statusCode).toBe(201);
    const full = await create(t, {
      firstName: "Zoë",
      lastName: 'Quote "Ü" \\ Line\nBreak',
      title: "CTO",
      emails: ["zoe@example.com", "z@example.org"],
      phones: ["+4930123456"],
      addresses: [{ label: "Office", street: "Main St 1", city: "Berlin", country: "de" }],
      social: { linkedin: "zoe" },
      tags: ["vip", "beta"],
      notes: "notes\twith tab",
      custom: { kept: "shown", dropped: "hidden" },
      companies: [{ companyId: company.json().id, role: "Buyer", isPrimary: true }],
    });
    const trashed = await create(t, { lastName: "Trashed" });
    expect((await as(api, u, { method: "DELETE", url: `/api/v1/contacts/${trashed.id}` })).statusCode).toBe(204);
    // A deleted definition's stored values are not shown, on the list as on the single read.
    expect((await as(api, u, { method: "DELETE", url: `/api/v1/custom-fields/${dropped}` })).statusCode).toBe(204);

    for (const url of ["/api/v1/contacts?limit=1&sort=name", "/api/v1/contacts?trash=true"]) {
      const res = await as(api, u, { method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      const page = res.json();
      expect(page.items).toHaveLength(1);
      expect(page).toEqual({ items: page.items, nextCursor: null });
      for (const item of page.items) {
        // Nothing beyond the contract (parse strips unknown keys) and nothing the contract rejects.
        expect(contactSchema.parse(item)).toEqual(item);
        const one = await as(api, u, { method: "GET", url: `/api/v1/contacts/${item.id}` });
        expect(item).toEqual(one.json());
        // Same keys in the same order, same values as the presenter.
        expect(JSON.stringify(item)).toBe(await presented(t.id, item.id));
      }
    }
    const [listed] = (await as(api, u, { method: "GET", url: "/api/v1/contacts?limit=1&sort=name" })).json().items;
    expect(listed).toMatchObject({
      id: full.id,
      lastName: 'Quote "Ü" \\ Line\nBreak',
      custom: { kept: "shown" },
      companies: [{ companyId: company.json().id, name: "Acme", role: "Buyer", isPrimary: true }],
      addresses: [{ label: "Office", street: "Main St 1", city: "Berlin", country: "DE" }],
    });
    expect(listed.custom).not.toHaveProperty("dropped");
  });

  it("lists each item as the presenter writes it: every custom field type, unicode, nulls, several links, every page", async () => {
    const t = await createTestWorkspace(api);
    const u = t.users.admin;
    const types: [string, string, string[]?][] = [
      ["t_text", "text"],
      ["t_long", "long_text"],
      ["t_num", "number"],
      ["t_money", "money"],
      ["t_date", "date"],
      ["t_bool", "boolean"],
      ["t_sel", "select", ["a", "b"]],
      ["t_multi", "multi_select", ["x", "y", "z"]],
      ["t_url", "url"],
      ["t_email", "email"],
      ["t_phone", "phone"],
      ["t_unset", "text"],
    ];
    for (const [key, type, options] of types) {
      const res = await as(api, u, {
        method: "POST",
        url: "/api/v1/custom-fields",
        payload: { objectType: "contact", key, label: key, type, ...(options ? { options } : {}) },
      });
      expect(res.statusCode).toBe(201);
    }
    const companyIds: string[] = [];
    for (const name of ["Zeta GmbH", "Alpha & Co", "Ünïcode 株式会社"]) {
      const res = await as(api, u, { method: "POST", url: "/api/v1/companies", payload: { name } });
      expect(res.statusCode).toBe(201);
      companyIds.push(res.json().id);
    }
    const tricky = await create(t, {
      firstName: "Ærøskøbing 😀",
      lastName: 'O\'Brien "the" \\ \u0001 \u001f \u2028 𝄞',
      title: null,
      emails: ["b@example.com", "a@example.com", "c@example.org"],
      phones: ["+4930123456", "+14155550100"],
      addresses: [
        { label: "Home", street: "Straße 1\nHof", city: "Köln", country: "de" },
        { label: "Work", city: "東京", country: "jp" },
      ],
      social: { linkedin: "obrien", x: "ob_rien" },
      tags: ["ünï", "tab\there"],
      notes: "line1\r\nline2 </script>",
      custom: {
        t_text: '  spaced "quoted"  ',
        t_long: "😀\n".repeat(3),
        t_num: 12.5,
        t_money: { amount: 123456, currency: "EUR" },
        t_date: "2026-02-28",
        t_bool: false,
        t_sel: "b",
        t_multi: ["z", "x"],
        t_url: "https://example.com/a?b=c&d=ü",
        t_email: "x@example.com",
        t_phone: "+4930123456",
        t_unset: null,
      },
      // The primary first, then by name: not the order given.
      companies: [
        { companyId: companyIds[0], role: null, isPrimary: false },
        { companyId: companyIds[1], role: 'Buyer "A"', isPrimary: false },
        { companyId: companyIds[2], role: "Owner", isPrimary: true },
      ],
    });
    const bare = await create(t, { lastName: "Bare" });
    const numbers = await create(t, { lastName: "Numbers", custom: { t_num: -0.000001, t_money: { amount: -1, currency: "USD" } } });
    const trashed = await create(t, { firstName: "Trashed", lastName: "Person", emails: ["t@example.com"] });
    expect((await as(api, u, { method: "DELETE", url: `/api/v1/contacts/${trashed.id}` })).statusCode).toBe(204);
    // The stored value of a field deleted since stays stored and is not shown.
    const defs = (await as(api, u, { method: "GET", url: "/api/v1/custom-fields?objectType=contact" })).json().items as {
      id: string;
      key: string;
    }[];
    const long = defs.find((d) => d.key === "t_long");
    expect((await as(api, u, { method: "DELETE", url: `/api/v1/custom-fields/${long?.id}` })).statusCode).toBe(204);

    const seen = new Set<string>();
    for (const url of [
      "/api/v1/contacts?limit=2&sort=name",
      "/api/v1/contacts?limit=10&sort=-createdAt",
      "/api/v1/contacts?trash=true",
      "/api/v1/contacts?filter[custom.t_bool][eq]=false",
    ]) {
      let next: string | null = url;
      while (next) {
        const res = await as(api, u, { method: "GET", url: next });
        expect(res.statusCode).toBe(200);
        const page = JSON.parse(res.body);
        expect(Object.keys(page)).toEqual(["items", "nextCursor"]);
        for (const item of page.items) {
          seen.add(item.id);
          const one = await as(api, u, { method: "GET", url: `/api/v1/contacts/${item.id}` });
          expect(one.statusCode).toBe(200);
          expect(item).toEqual(one.json());
          // The presenter's output: same keys in the same order, same values.
          expect(JSON.stringify(item)).toBe(await presented(t.id, item.id));
        }
        next = page.nextCursor ? `${url}&cursor=${page.nextCursor}` : null;
      }
    }
    expect(seen).toEqual(new Set([tricky.id, bare.id, numbers.id, trashed.id]));
    const item = (await as(api, u, { method: "GET", url: "/api/v1/contacts?limit=1&sort=name&filter[custom.t_bool][eq]=false" })).json()
      .items[0];
    expect(item.companies.map((c: { companyId: string }) => c.companyId)).toEqual([companyIds[2], companyIds[1], companyIds[0]]);
    expect(item.custom).not.toHaveProperty("t_long");
    expect(item.custom.t_unset).toBeNull();
    expect(item.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("filters and sorts by a custom field", async () => {
    const t = await createTestWorkspace(api);
    const u = t.users.admin;
    const def = await as(api, u, {
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { objectType: "contact", key: "seats", label: "Seats", type: "number" },
    });
    expect(def.statusCode).toBe(201);
    const tier = await as(api, u, {
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { objectType: "contact", key: "tier", label: "Tier", type: "select", options: ["gold", "silver"] },
    });
    expect(tier.statusCode).toBe(201);
    expect(
      (
        await as(api, t.users.manager, {
          method: "POST",
          url: "/api/v1/custom-fields",
          payload: { objectType: "contact", key: "x", label: "X", type: "text" },
        })
      ).statusCode,
    ).toBe(403);
    await create(t, { lastName: "Small", custom: { seats: 5, tier: "silver" } });
    await create(t, { lastName: "Big", custom: { seats: 500, tier: "gold" } });
    await create(t, { lastName: "Mid", custom: { seats: "50" } });
    const bad = await as(api, u, { method: "POST", url: "/api/v1/contacts", payload: { lastName: "Bad", custom: { tier: "bronze" } } });
    expect(bad.statusCode).toBe(400);
    const res = await as(api, u, { method: "GET", url: "/api/v1/contacts?filter[custom.seats][gte]=50&sort=-custom.seats" });
    expect(res.json().items.map((c: { lastName: string }) => c.lastName)).toEqual(["Big", "Mid"]);
    const gold = await as(api, u, { method: "GET", url: "/api/v1/contacts?filter[custom.tier][eq]=gold" });
    expect(gold.json().items.map((c: { lastName: string }) => c.lastName)).toEqual(["Big"]);
    const fields = await as(api, u, { method: "GET", url: "/api/v1/contacts/fields" });
    expect(fields.json().items.find((f: { key: string }) => f.key === "custom.tier")).toMatchObject({
      type: "select",
      options: ["gold", "silver"],
      custom: true,
    });
  });

  it("applies bulk tag, owner and delete actions", async () => {
    const t = await createTestWorkspace(api);
    const a = await create(t, { lastName: "One" });
    const b = await create(t, { lastName: "Two" });
    const u = t.users.admin;
    expect(
      (
        await as(api, u, {
          method: "POST",
          url: "/api/v1/contacts/bulk",
          payload: { action: "addTags", ids: [a.id, b.id], tags: ["Fair 2026"] },
        })
      ).json().affected,
    ).toBe(2);
    const tagged = await as(api, u, { method: "GET", url: "/api/v1/contacts?filter[tags][eq]=Fair 2026" });
    expect(tagged.json().items).toHaveLength(2);
    const owner = await as(api, u, {
      method: "POST",
      url: "/api/v1/contacts/bulk",
      payload: { action: "setOwner", ids: [a.id], ownerId: t.users.member.id },
    });
    expect(owner.json().affected).toBe(1);
    expect(
      (await as(api, u, { method: "POST", url: "/api/v1/contacts/bulk", payload: { action: "delete", ids: [a.id, b.id] } })).json()
        .affected,
    ).toBe(2);
    expect((await as(api, u, { method: "GET", url: "/api/v1/contacts" })).json().items).toHaveLength(0);
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

/** The contacts list: typed filters, sorts, pagination under inserts, the pre-serialised items (decision 0024), bulk actions. */
import { contactSchema } from "@rapport/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { customFieldsRepository } from "../custom-fields/index.js";
import { presentContact } from "./contacts.presenter.js";
import { contactsRepository } from "./contacts.repository.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
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
      // Elements PostgreSQL's array text quotes and escapes (the list reads it as text, decision 0032).
      tags: ["ünï", "tab\there", "comma,in", "{brace}", 'quote "q"', "back\\slash", "NULL", "two words"],
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
        // The body byte for byte: what JSON.stringify writes for the presenter's items (decision 0032).
        const expected = await Promise.all(page.items.map((i: { id: string }) => presented(t.id, i.id)));
        expect(res.body).toBe(`{"items":[${expected.join(",")}],"nextCursor":${JSON.stringify(page.nextCursor)}}`);
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

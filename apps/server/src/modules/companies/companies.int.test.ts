import { companyEndpoints, companySchema, type Endpoint } from "@rapport/contract";
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
import { presentCompany } from "./companies.presenter.js";
import { type CompanyRow, companiesRepository } from "./companies.repository.js";

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
const createCompany = async (user: TestUser, payload: Record<string, unknown>) => {
  const res = await as(api, user, { method: "POST", url: "/api/v1/companies", payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("companies", () => {
  it("answer 401 on every endpoint without credentials", async () => {
    for (const e of Object.values(companyEndpoints) as Endpoint[]) {
      const res = await api.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO), payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it("creates with normalised values, reads, updates and lists them", async () => {
    const admin = ws.users.admin;
    const created = await createCompany(admin, {
      name: "Acme Tools GmbH",
      domain: "Acme-Tools.DE",
      industry: "Manufacturing",
      employees: 120,
      country: "de",
      phones: ["+49 30 1234567"],
      tags: ["Key account", "key account", " B2B "],
      addresses: [{ city: "Berlin", country: "DE" }],
    });
    expect(created).toMatchObject({
      domain: "acme-tools.de",
      country: "DE",
      phones: ["+49301234567"],
      tags: ["Key account", "B2B"],
      ownerId: admin.id,
      peopleCount: 0,
    });
    const updated = await as(api, admin, {
      method: "PATCH",
      url: `/api/v1/companies/${created.id}`,
      payload: { industry: "Tools", domain: null },
    });
    expect(updated.json()).toMatchObject({ industry: "Tools", domain: null, name: "Acme Tools GmbH" });
    const got = await as(api, admin, { method: "GET", url: `/api/v1/companies/${created.id}` });
    expect(got.json().industry).toBe("Tools");
    const list = await as(api, admin, {
      method: "GET",
      url: "/api/v1/companies?filter[city][eq]=Berlin&filter[employees][gte]=100&sort=-employees",
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    // The list skips the zod response parse: each item is still exactly the contract's shape
    // (parse strips unknown keys) and what the single read answers.
    expect(list.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(list.json()).toEqual({ items: [got.json()], nextCursor: null });
    expect(companySchema.parse(list.json().items[0])).toEqual(got.json());
    // The presenter's keys, in its order, and values (list pages skip the response parse).
    const row = await companiesRepository.byId(api.database.db, ws.id, created.id, { all: true });
    expect(JSON.stringify(list.json().items[0])).toBe(JSON.stringify(presentCompany(row as CompanyRow, 0, new Set())));
    const fields = await as(api, admin, { method: "GET", url: "/api/v1/companies/fields" });
    expect(fields.json().items.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining(["name", "domain", "city", "lastInteractionAt"]),
    );
    const found = await as(api, admin, { method: "GET", url: "/api/v1/companies?q=acme" });
    expect(found.json().items.map((c: { id: string }) => c.id)).toContain(created.id);
  });

  it("validates custom values and finds companies by domain through search", async () => {
    const admin = ws.users.admin;
    const field = await as(api, admin, {
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { objectType: "company", key: "tier", label: "Tier", type: "select", options: ["gold", "silver"] },
    });
    expect(field.statusCode).toBe(201);
    const bad = await as(api, admin, { method: "POST", url: "/api/v1/companies", payload: { name: "Tiered", custom: { tier: "bronze" } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("body.custom.tier");
    const ok = await createCompany(admin, { name: "Globex", domain: "globex.example", custom: { tier: "gold" } });
    expect(ok.custom).toEqual({ tier: "gold" });
    const cleared = await as(api, admin, { method: "PATCH", url: `/api/v1/companies/${ok.id}`, payload: { custom: { tier: null } } });
    expect(cleared.json().custom).toEqual({});
    const search = await as(api, admin, { method: "GET", url: "/api/v1/search?q=globex.example" });
    expect(search.json().items[0]).toMatchObject({ type: "company", id: ok.id, title: "Globex", subtitle: "globex.example" });
  });

  it("lists the people of a company and counts only those the caller may see", async () => {
    const admin = ws.users.admin;
    const member = ws.users.member;
    const company = await createCompany(admin, { name: "Initech", ownerId: null });
    const link = [{ companyId: company.id }];
    for (const [user, name] of [
      [admin, "Ann Admin"],
      [member, "Mo Member"],
    ] as const) {
      const res = await as(api, user, {
        method: "POST",
        url: "/api/v1/contacts",
        payload: { firstName: name.split(" ")[0], lastName: name.split(" ")[1], companies: link },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const asAdmin = await as(api, admin, { method: "GET", url: `/api/v1/companies/${company.id}/people?limit=1` });
    expect(asAdmin.json().items.map((c: { name: string }) => c.name)).toEqual(["Ann Admin"]);
    const next = await as(api, admin, {
      method: "GET",
      url: `/api/v1/companies/${company.id}/people?limit=1&cursor=${asAdmin.json().nextCursor}`,
    });
    expect(next.json()).toMatchObject({ items: [{ name: "Mo Member" }], nextCursor: null });
    expect((await as(api, admin, { method: "GET", url: `/api/v1/companies/${company.id}` })).json().peopleCount).toBe(2);
    const asMember = await as(api, member, { method: "GET", url: `/api/v1/companies/${company.id}/people` });
    expect(asMember.json().items.map((c: { name: string }) => c.name)).toEqual(["Mo Member"]);
    expect((await as(api, member, { method: "GET", url: `/api/v1/companies/${company.id}` })).json().peopleCount).toBe(1);
    // The list counts the same visible people only.
    const listed = async (user: typeof admin) =>
      (await as(api, user, { method: "GET", url: "/api/v1/companies?filter[name][eq]=Initech" })).json().items;
    expect((await listed(admin)).map((c: { peopleCount: number }) => c.peopleCount)).toEqual([2]);
    expect((await listed(member)).map((c: { peopleCount: number }) => c.peopleCount)).toEqual([1]);
  });

  it("moves to the trash and back, one at a time or in bulk", async () => {
    const manager = ws.users.manager;
    const a = await createCompany(manager, { name: "Trash A" });
    const b = await createCompany(manager, { name: "Trash B" });
    expect((await as(api, manager, { method: "DELETE", url: `/api/v1/companies/${a.id}` })).statusCode).toBe(204);
    expect(
      (await as(api, manager, { method: "GET", url: "/api/v1/companies?trash=true" })).json().items.map((c: { id: string }) => c.id),
    ).toContain(a.id);
    const restored = await as(api, manager, { method: "POST", url: `/api/v1/companies/${a.id}/restore` });
    expect(restored.json().deletedAt).toBeNull();
    const bulk = await as(api, manager, {
      method: "POST",
      url: "/api/v1/companies/bulk",
      payload: { action: "addTags", ids: [a.id, b.id], tags: ["Q3"] },
    });
    expect(bulk.json()).toEqual({ affected: 2 });
    expect((await as(api, manager, { method: "GET", url: `/api/v1/companies/${b.id}` })).json().tags).toEqual(["Q3"]);
  });

  it("forbids read-only users to write and changes nothing", async () => {
    const company = await createCompany(ws.users.admin, { name: "Readonly Target" });
    const before = await snapshotCounts(api);
    const ro = ws.users.read_only;
    for (const call of [
      { method: "POST" as const, url: "/api/v1/companies", payload: { name: "Nope" } },
      { method: "PATCH" as const, url: `/api/v1/companies/${company.id}`, payload: { name: "Nope" } },
      { method: "DELETE" as const, url: `/api/v1/companies/${company.id}` },
      { method: "POST" as const, url: "/api/v1/companies/bulk", payload: { action: "delete", ids: [company.id] } },
    ]) {
      expect((await as(api, ro, call)).statusCode, call.url).toBe(403);
    }
    expect((await as(api, ro, { method: "GET", url: `/api/v1/companies/${company.id}` })).statusCode).toBe(200);
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("answers 404 for another workspace's company like for a missing one", async () => {
    const foreign = await createCompany(other.users.admin, { name: "Foreign" });
    for (const id of [foreign.id, ZERO]) {
      for (const call of [
        { method: "GET" as const, url: `/api/v1/companies/${id}` },
        { method: "PATCH" as const, url: `/api/v1/companies/${id}`, payload: { name: "Mine" } },
        { method: "DELETE" as const, url: `/api/v1/companies/${id}` },
        { method: "GET" as const, url: `/api/v1/companies/${id}/summary` },
        { method: "GET" as const, url: `/api/v1/companies/${id}/people` },
      ]) {
        const res = await as(api, ws.users.admin, call);
        expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
      }
    }
    const bulk = await as(api, ws.users.admin, {
      method: "POST",
      url: "/api/v1/companies/bulk",
      payload: { action: "delete", ids: [foreign.id] },
    });
    expect(bulk.json()).toEqual({ affected: 0 });
  });

  it("answers 400 for bad input and changes nothing", async () => {
    const before = await snapshotCounts(api);
    for (const payload of [
      {},
      { name: "" },
      { name: "X", domain: "not a domain" },
      { name: "X", phones: ["12"] },
      { name: "X", ownerId: other.users.admin.id },
      { name: "X", workspaceId: other.id },
      { name: "X", id: ZERO },
      { name: "X", employees: -1 },
    ]) {
      const res = await as(api, ws.users.admin, { method: "POST", url: "/api/v1/companies", payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const url of [
      "/api/v1/companies?filter[password][eq]=x",
      "/api/v1/companies?sort=tags",
      "/api/v1/companies?filter[employees][gt]=many",
    ]) {
      expect((await as(api, ws.users.admin, { method: "GET", url })).statusCode, url).toBe(400);
    }
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("shows a member of no team only their own and unowned companies, everywhere", async () => {
    const t = await createTestWorkspace(api);
    const hidden = await createCompany(t.users.admin, { name: "Hidden Co", domain: "hidden.example" });
    const unowned = await createCompany(t.users.admin, { name: "Shared Co", ownerId: null });
    const own = await createCompany(t.users.member, { name: "Own Co" });
    const m = t.users.member;
    const list = await as(api, m, { method: "GET", url: "/api/v1/companies" });
    expect(
      list
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([unowned.id, own.id].sort());
    for (const url of [
      `/api/v1/companies/${hidden.id}`,
      `/api/v1/companies/${hidden.id}/summary`,
      `/api/v1/companies/${hidden.id}/people`,
    ]) {
      expect((await as(api, m, { method: "GET", url })).statusCode, url).toBe(404);
    }
    expect((await as(api, m, { method: "PATCH", url: `/api/v1/companies/${hidden.id}`, payload: { name: "Taken" } })).statusCode).toBe(404);
    expect((await as(api, m, { method: "GET", url: "/api/v1/search?q=hidden" })).json().items).toEqual([]);
    const filtered = await as(api, m, { method: "GET", url: "/api/v1/companies?filter[domain][eq]=hidden.example" });
    expect(filtered.json().items).toEqual([]);
  });
});

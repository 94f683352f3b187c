import { type Endpoint, viewEndpoints } from "@rapport/contract";
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
const definition = { columns: ["name", "city"], filters: [{ field: "lifecycleStage", op: "eq", value: "customer" }], sort: "-updatedAt" };

async function save(user: TestUser, payload: Record<string, unknown>) {
  const res = await as(api, user, {
    method: "POST",
    url: "/api/v1/views",
    payload: { objectType: "contact", name: "Customers", definition, ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const names = async (user: TestUser, query = "") =>
  (await as(api, user, { method: "GET", url: `/api/v1/views${query}` })).json().items.map((v: { name: string }) => v.name);

describe("saved views", () => {
  it("answer 401 without credentials", async () => {
    for (const e of Object.values(viewEndpoints) as Endpoint[]) {
      expect(
        (await api.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO), payload: e.body ? {} : undefined })).statusCode,
      ).toBe(401);
    }
  });

  it("shows each user their own views and the shared ones", async () => {
    const t = await createTestWorkspace(api);
    const shared = await save(t.users.manager, { name: "Team pipeline", shared: true });
    await save(t.users.manager, { name: "Manager only" });
    await save(t.users.read_only, { name: "My reading list" });
    await save(t.users.admin, {
      objectType: "company",
      name: "Big companies",
      definition: { filters: [{ field: "employees", op: "gte", value: "500" }] },
    });
    expect(shared).toMatchObject({ ownerId: t.users.manager.id, shared: true, definition: { ...definition } });
    expect(await names(t.users.read_only)).toEqual(["My reading list", "Team pipeline"]);
    expect(await names(t.users.manager, "?objectType=contact")).toEqual(["Manager only", "Team pipeline"]);
    expect(await names(t.users.admin, "?objectType=company")).toEqual(["Big companies"]);
  });

  it("lets only the owner change a view, and admins remove shared ones", async () => {
    const { admin, manager, member, read_only: ro } = ws.users;
    const shared = await save(manager, { name: "Shared by manager", shared: true });
    const personal = await save(manager, { name: "Personal" });
    const before = await snapshotCounts(api);
    expect((await as(api, member, { method: "PATCH", url: `/api/v1/views/${shared.id}`, payload: { name: "Mine" } })).statusCode).toBe(403);
    expect((await as(api, member, { method: "DELETE", url: `/api/v1/views/${shared.id}` })).statusCode).toBe(403);
    expect((await as(api, admin, { method: "PATCH", url: `/api/v1/views/${shared.id}`, payload: { name: "Admin's" } })).statusCode).toBe(
      403,
    );
    expect((await as(api, admin, { method: "DELETE", url: `/api/v1/views/${personal.id}` })).statusCode).toBe(404);
    expect(
      (await as(api, ro, { method: "POST", url: "/api/v1/views", payload: { objectType: "contact", name: "x", shared: true, definition } }))
        .statusCode,
    ).toBe(403);
    expect(await snapshotCounts(api)).toEqual(before);

    const renamed = await as(api, manager, {
      method: "PATCH",
      url: `/api/v1/views/${personal.id}`,
      payload: { name: "Renamed", definition: { sort: "name" } },
    });
    expect(renamed.json()).toMatchObject({ name: "Renamed", definition: { sort: "name", filters: [], columns: [] } });
    expect((await as(api, admin, { method: "DELETE", url: `/api/v1/views/${shared.id}` })).statusCode).toBe(204);
    expect((await as(api, manager, { method: "DELETE", url: `/api/v1/views/${personal.id}` })).statusCode).toBe(204);

    const mine = await save(ro, { name: "Read-only's own" });
    expect((await as(api, ro, { method: "PATCH", url: `/api/v1/views/${mine.id}`, payload: { shared: true } })).statusCode).toBe(403);
    expect((await as(api, ro, { method: "DELETE", url: `/api/v1/views/${mine.id}` })).statusCode).toBe(204);
  });

  it("answers 400 for fields, operators, values or sorts the list does not have, and changes nothing", async () => {
    const field = await as(api, ws.users.admin, {
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { objectType: "company", key: "arr", label: "ARR", type: "number" },
    });
    expect(field.statusCode).toBe(201);
    const before = await snapshotCounts(api);
    for (const def of [
      { filters: [{ field: "passwordHash", op: "eq", value: "x" }] },
      { filters: [{ field: "email", op: "gt", value: "x" }] },
      { filters: [{ field: "createdAt", op: "gt", value: "yesterday" }] },
      { sort: "tags" },
      { filters: [{ field: "custom.arr", op: "gt", value: "5" }] },
      { columns: ["name"], extra: true },
    ]) {
      const res = await as(api, ws.users.admin, {
        method: "POST",
        url: "/api/v1/views",
        payload: { objectType: "contact", name: "Bad", definition: def },
      });
      expect(res.statusCode, JSON.stringify(def)).toBe(400);
    }
    for (const payload of [
      { objectType: "ticket", name: "x", definition },
      // A people filter is not a deal field.
      { objectType: "deal", name: "x", definition },
      { objectType: "contact", name: "", definition },
      { objectType: "contact", name: "x", definition, ownerId: ws.users.member.id },
    ]) {
      expect((await as(api, ws.users.admin, { method: "POST", url: "/api/v1/views", payload })).statusCode).toBe(400);
    }
    expect(await snapshotCounts(api)).toEqual(before);
    const ok = await as(api, ws.users.admin, {
      method: "POST",
      url: "/api/v1/views",
      payload: { objectType: "company", name: "By ARR", definition: { filters: [{ field: "custom.arr", op: "gt", value: "5" }] } },
    });
    expect(ok.statusCode).toBe(201);
  });

  it("saves views of the deals board and list, checked against the deal fields", async () => {
    const t = await createTestWorkspace(api);
    const dealView = {
      layout: "board",
      filters: [
        { field: "pipelineId", op: "eq", value: ZERO },
        { field: "ownerId", op: "eq", value: t.users.manager.id },
        { field: "amountMinor", op: "gte", value: "1000000" },
        { field: "rotting", op: "eq", value: "true" },
      ],
      sort: "-amountMinor",
      q: "renewal",
    };
    const saved = await save(t.users.manager, { objectType: "deal", name: "My big rotting deals", definition: dealView });
    expect(saved).toMatchObject({ objectType: "deal", definition: dealView });
    await save(t.users.manager, { name: "People view" });
    expect(await names(t.users.manager, "?objectType=deal")).toEqual(["My big rotting deals"]);
    expect(await names(t.users.manager, "?objectType=contact")).toEqual(["People view"]);
    const before = await snapshotCounts(api);
    for (const def of [
      { filters: [{ field: "lifecycleStage", op: "eq", value: "customer" }] },
      { filters: [{ field: "amountMinor", op: "contains", value: "1" }] },
      { sort: "contactId" },
      { layout: "calendar" },
    ]) {
      const res = await as(api, t.users.manager, {
        method: "POST",
        url: "/api/v1/views",
        payload: { objectType: "deal", name: "Bad", definition: def },
      });
      expect(res.statusCode, JSON.stringify(def)).toBe(400);
    }
    const bad = await as(api, t.users.manager, {
      method: "PATCH",
      url: `/api/v1/views/${saved.id}`,
      payload: { definition: { filters: [{ field: "employees", op: "gte", value: "5" }] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(await snapshotCounts(api)).toEqual(before);
    const renamed = await as(api, t.users.manager, {
      method: "PATCH",
      url: `/api/v1/views/${saved.id}`,
      payload: { definition: { ...dealView, layout: "list" } },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().definition.layout).toBe("list");
  });

  it("answers 404 for another workspace's view like for a missing one", async () => {
    const foreign = await save(other.users.admin, { name: "Foreign shared", shared: true });
    const before = await snapshotCounts(api);
    for (const id of [foreign.id, ZERO]) {
      expect((await as(api, ws.users.admin, { method: "PATCH", url: `/api/v1/views/${id}`, payload: { name: "x" } })).statusCode).toBe(404);
      expect((await as(api, ws.users.admin, { method: "DELETE", url: `/api/v1/views/${id}` })).statusCode).toBe(404);
    }
    expect(await names(ws.users.admin)).not.toContain("Foreign shared");
    expect(await snapshotCounts(api)).toEqual(before);
  });
});

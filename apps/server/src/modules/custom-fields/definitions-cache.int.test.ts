import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";

let api: TestApi;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
});
afterAll(() => api?.close());

async function fieldKeys(): Promise<string[]> {
  const res = await as(api, ws.users.member, { method: "GET", url: "/api/v1/contacts/fields" });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((f: { key: string }) => f.key);
}

async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe("cached custom field definitions", () => {
  it("this copy's own changes show on the very next request", async () => {
    expect(await fieldKeys()).not.toContain("custom.plan");
    const created = await as(api, ws.users.admin, {
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { objectType: "contact", key: "plan", label: "Plan", type: "text" },
    });
    expect(created.statusCode).toBe(201);
    expect(await fieldKeys()).toContain("custom.plan");
    const renamed = await as(api, ws.users.admin, {
      method: "PATCH",
      url: `/api/v1/custom-fields/${created.json().id}`,
      payload: { label: "Price plan" },
    });
    expect(renamed.statusCode).toBe(200);
    const list = await as(api, ws.users.member, { method: "GET", url: "/api/v1/custom-fields?objectType=contact" });
    expect(list.json().items.map((f: { label: string }) => f.label)).toContain("Price plan");
    const removed = await as(api, ws.users.admin, { method: "DELETE", url: `/api/v1/custom-fields/${created.json().id}` });
    expect(removed.statusCode).toBe(204);
    expect(await fieldKeys()).not.toContain("custom.plan");
    const filter = await as(api, ws.users.member, { method: "GET", url: "/api/v1/contacts?filter[custom.plan][eq]=x" });
    expect(filter.statusCode).toBe(400);
  });

  it("a change written elsewhere (another server copy, the CLI, SQL) reaches this copy through its notice", async () => {
    expect(await fieldKeys()).not.toContain("custom.region");
    const id = uuidv7();
    await api.db
      .insertInto("custom_field_definitions")
      .values({ workspace_id: ws.id, id, object_type: "contact", key: "region", label: "Region", type: "text", options: "[]" })
      .execute();
    expect(await eventually(async () => (await fieldKeys()).includes("custom.region"))).toBe(true);
    await api.db.deleteFrom("custom_field_definitions").where("workspace_id", "=", ws.id).where("id", "=", id).execute();
    expect(await eventually(async () => !(await fieldKeys()).includes("custom.region"))).toBe(true);
  });

  it("a workspace's default country changed elsewhere applies to phone numbers typed without one", async () => {
    const phoneOf = async () => {
      const res = await as(api, ws.users.admin, {
        method: "POST",
        url: "/api/v1/contacts",
        payload: { lastName: "Berlin", phones: ["030 1234567"] },
      });
      return res.statusCode === 201 ? (res.json().phones[0] as string) : null;
    };
    expect(await phoneOf()).not.toBe("+49301234567");
    await api.db.updateTable("workspaces").set({ default_country: "DE" }).where("id", "=", ws.id).execute();
    expect(await eventually(async () => (await phoneOf()) === "+49301234567")).toBe(true);
  });
});

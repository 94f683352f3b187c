import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestUser } from "../../test/harness.js";

/**
 * A record's documents page checks the record's visibility in its own statement (decision
 * 0035): the answers must stay those of the separate lookup — empty pages for visible
 * records, 404 for hidden, missing or foreign ones whatever else the request holds.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const get = (user: TestUser, url: string) => as(api, user, { method: "GET", url });
async function person(user: TestUser, extra: Record<string, unknown> = {}) {
  const res = await as(api, user, { method: "POST", url: "/api/v1/contacts", payload: { firstName: "Doc", lastName: "Gate", ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe("a record's documents in one statement", () => {
  it("answers an empty page for a visible record, 404 for a hidden, missing or foreign one, 404 before 400 for a bad cursor", async () => {
    const t = await createTestWorkspace(api);
    const other = await createTestWorkspace(api);
    const visible = await person(t.users.member);
    const res = await get(t.users.member, `/api/v1/contacts/${visible.id}/documents`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
    const hidden = await person(t.users.admin, { ownerId: t.users.admin.id });
    const foreign = await person(other.users.admin);
    for (const id of [hidden.id, foreign.id, "00000000-0000-4000-8000-000000000000"]) {
      expect((await get(t.users.member, `/api/v1/contacts/${id}/documents`)).statusCode, id).toBe(404);
      expect((await get(t.users.member, `/api/v1/contacts/${id}/documents?cursor=garbage`)).statusCode, id).toBe(404);
    }
    expect((await get(t.users.admin, `/api/v1/contacts/${hidden.id}/documents`)).statusCode).toBe(200);
    expect((await get(t.users.admin, `/api/v1/contacts/${hidden.id}/documents?cursor=garbage`)).statusCode).toBe(400);
    // Trashed records keep their page, documents included.
    expect((await as(api, t.users.admin, { method: "DELETE", url: `/api/v1/contacts/${hidden.id}` })).statusCode).toBe(204);
    expect((await get(t.users.admin, `/api/v1/contacts/${hidden.id}/documents`)).statusCode).toBe(200);
  });
});

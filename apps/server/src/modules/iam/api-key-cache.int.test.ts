import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { API_KEY_TTL_MS } from "./api-key-cache.js";

/** Two server copies on one database: a key revoked through one stops working on the other. */
let a: TestApi;
let b: TestApi;
let t: TestWorkspace;

beforeAll(async () => {
  a = await startTestApi();
  b = await startTestApi();
  t = await createTestWorkspace(a);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const me = (api: TestApi, secret: string) =>
  api.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${secret}` } });

describe("cached API keys", () => {
  it("a key revoked on one copy stops working on another copy within the TTL", async () => {
    const created = await as(a, t.users.admin, { method: "POST", url: "/api/v1/api-keys", payload: { name: "Sync", role: "member" } });
    const { secret, apiKey } = created.json();
    // Both copies have verified (and cached) the key.
    expect((await me(a, secret)).statusCode).toBe(200);
    expect((await me(b, secret)).statusCode).toBe(200);
    expect((await me(b, secret)).statusCode).toBe(200);
    const revokedAt = Date.now();
    expect((await as(a, t.users.admin, { method: "DELETE", url: `/api/v1/api-keys/${apiKey.id}` })).statusCode).toBe(204);
    // The revoking copy: on the very next request.
    expect((await me(a, secret)).statusCode).toBe(401);
    // The other copy: as soon as the notice arrives, at the latest when the TTL ends.
    let status = 200;
    while (Date.now() - revokedAt < API_KEY_TTL_MS + 1_000) {
      status = (await me(b, secret)).statusCode;
      if (status === 401) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(API_KEY_TTL_MS);
  });

  it("a forged secret for a cached key id is never accepted", async () => {
    const created = await as(a, t.users.admin, { method: "POST", url: "/api/v1/api-keys", payload: { name: "Other", role: "admin" } });
    const { secret } = created.json();
    expect((await me(a, secret)).statusCode).toBe(200);
    expect((await me(a, `${secret.slice(0, -4)}AAAA`)).statusCode).toBe(401);
  });
});

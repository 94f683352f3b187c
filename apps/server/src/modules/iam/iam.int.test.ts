import { auditEndpoints, type Endpoint, iamEndpoints } from "@rapport/contract";
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

const ZERO = "00000000-0000-4000-8000-000000000000";
const urlOf = (e: Endpoint, id = ZERO) => e.path.replace("{id}", id);

describe("authentication on every route", () => {
  const all: Endpoint[] = [...Object.values(iamEndpoints), ...Object.values(auditEndpoints)];
  const protectedEndpoints = all.filter((e) => e.auth !== false);
  it.each(protectedEndpoints.map((e) => [`${e.method} ${e.path}`, e] as const))("%s answers 401 without credentials", async (_, e) => {
    const res = await api.app.inject({ method: e.method, url: urlOf(e), payload: e.body ? {} : undefined });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().code).toBe("unauthorized");
  });

  it("the realtime stream answers 401 without credentials", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/v1/events/stream" });
    expect(res.statusCode).toBe(401);
  });

  it("rejects a forged or revoked API key and a garbage cookie", async () => {
    const key = await ws.apiKey("admin");
    expect((await api.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
    const forged = `${key.slice(0, -4)}AAAA`;
    expect((await api.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${forged}` } })).statusCode).toBe(
      401,
    );
    expect((await api.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: "rapport_session=abc.def" } })).statusCode).toBe(
      401,
    );
  });
});

describe("sign-in and sessions", () => {
  it("signs in case-insensitively and returns the workspace and permissions", async () => {
    const res = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: ws.users.member.email.toUpperCase(), password: ws.users.member.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "rapport_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(res.json().workspace.slug).toBe(ws.slug);
    expect(res.json().permissions).toContain("records.write");
    expect(res.json().permissions).not.toContain("users.manage");
  });

  it("refuses a wrong password with 401 and an unknown email the same way", async () => {
    const wrong = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: ws.users.admin.email, password: "nope" },
    });
    const unknown = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: "nobody@example.com", password: "nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
  });

  it("throttles repeated failures with 429 and Retry-After, even for the right password", async () => {
    const t = await createTestWorkspace(api);
    const email = t.users.member.email;
    for (let i = 0; i < 5; i++) {
      const r = await api.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email, password: "wrong" },
        remoteAddress: "10.9.9.9",
      });
      expect(r.statusCode).toBe(401);
    }
    const sixth = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email, password: "wrong" },
      remoteAddress: "10.9.9.9",
    });
    expect(sixth.statusCode).toBe(401);
    const locked = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email, password: t.users.member.password },
      remoteAddress: "10.9.9.8",
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("sign-out revokes the session on the very next request", async () => {
    const t = await createTestWorkspace(api);
    const u = t.users.member;
    expect((await as(api, u, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    expect((await as(api, u, { method: "POST", url: "/api/v1/auth/sign-out" })).statusCode).toBe(204);
    const after = await as(api, u, { method: "GET", url: "/api/v1/me" });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("session_expired");
  });

  it("changing the password signs out the other sessions but keeps this one", async () => {
    const t = await createTestWorkspace(api);
    const u = t.users.member;
    const second = await api.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: u.email, password: u.password } });
    const secondCookie = `rapport_session=${second.cookies.find((c) => c.name === "rapport_session")?.value}`;
    const bad = await as(api, u, {
      method: "POST",
      url: "/api/v1/me/password",
      payload: { currentPassword: "wrong", newPassword: "a new long password" },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await as(api, u, {
      method: "POST",
      url: "/api/v1/me/password",
      payload: { currentPassword: u.password, newPassword: "a new long password" },
    });
    expect(ok.statusCode).toBe(204);
    expect((await as(api, u, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    expect((await api.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: secondCookie } })).statusCode).toBe(401);
  });

  it("rejects cookie-authenticated writes without the CSRF header", async () => {
    const res = await api.app.inject({
      method: "POST",
      url: "/api/v1/teams",
      headers: { cookie: ws.users.admin.cookie },
      payload: { name: "csrf" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf_header_missing");
  });
});

describe("authorization", () => {
  it("lets only admins manage users, API keys and the workspace; denied calls change nothing", async () => {
    const before = await snapshotCounts(api);
    for (const role of ["manager", "member", "read_only"] as const) {
      const u = ws.users[role];
      const calls = [
        {
          method: "POST" as const,
          url: "/api/v1/users",
          payload: { email: `x-${role}@example.com`, name: "X", role: "admin", password: "0123456789ab" },
        },
        { method: "POST" as const, url: "/api/v1/api-keys", payload: { name: "k", role: "admin" } },
        { method: "PATCH" as const, url: "/api/v1/workspace", payload: { name: "Hacked" } },
        { method: "PATCH" as const, url: `/api/v1/users/${u.id}`, payload: { role: "admin" } },
        { method: "GET" as const, url: "/api/v1/audit" },
        { method: "GET" as const, url: "/api/v1/api-keys" },
      ];
      for (const call of calls) {
        const res = await as(api, u, call);
        expect(res.statusCode, `${role} ${call.method} ${call.url}`).toBe(403);
      }
    }
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("API keys act with their role", async () => {
    const key = await ws.apiKey("read_only");
    const headers = { authorization: `Bearer ${key}` };
    expect((await api.app.inject({ method: "GET", url: "/api/v1/users", headers })).statusCode).toBe(200);
    expect((await api.app.inject({ method: "POST", url: "/api/v1/teams", headers, payload: { name: "nope" } })).statusCode).toBe(403);
  });

  it("answers 404 for another workspace's ids, like for ids that do not exist", async () => {
    const admin = ws.users.admin;
    const foreignUser = other.users.member.id;
    for (const call of [
      { method: "GET" as const, url: `/api/v1/users/${foreignUser}` },
      { method: "PATCH" as const, url: `/api/v1/users/${foreignUser}`, payload: { name: "Mine now" } },
      { method: "GET" as const, url: `/api/v1/users/${ZERO}` },
    ]) {
      const res = await as(api, admin, call);
      expect(res.statusCode, call.url).toBe(404);
      expect(res.json().code).toBe("not_found");
    }
    const team = await as(api, ws.users.admin, {
      method: "POST",
      url: "/api/v1/teams",
      payload: { name: "Mixed", memberIds: [foreignUser] },
    });
    expect(team.statusCode).toBe(400);
  });
});

describe("validation", () => {
  it("answers 400 with the failing fields and changes nothing", async () => {
    const before = await snapshotCounts(api);
    const cases = [
      { url: "/api/v1/users", payload: { email: "not-an-email", name: "", role: "emperor", password: "short" } },
      {
        url: "/api/v1/users",
        payload: { email: "a@example.com", name: "A", role: "member", password: "0123456789ab", workspaceId: other.id },
      },
      { url: "/api/v1/teams", payload: { name: "x".repeat(201) } },
      { url: "/api/v1/api-keys", payload: { name: "k", role: "admin", id: "00000000-0000-4000-8000-000000000001" } },
    ];
    for (const c of cases) {
      const res = await as(api, ws.users.admin, { method: "POST", ...c });
      expect(res.statusCode, JSON.stringify(c.payload)).toBe(400);
      expect(res.json().code).toBe("validation_failed");
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    const badId = await as(api, ws.users.admin, { method: "GET", url: "/api/v1/users/not-a-uuid" });
    expect(badId.statusCode).toBe(400);
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("answers 413 for a body over the limit and never leaks a stack trace", async () => {
    const res = await as(api, ws.users.admin, { method: "POST", url: "/api/v1/teams", payload: { name: "x".repeat(2_000_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.body).not.toContain("at ");
  });
});

describe("users, teams and API keys", () => {
  it("creates a user who can then sign in, and refuses a duplicate email with 409", async () => {
    const t = await createTestWorkspace(api);
    const body = { email: "New.Person@Example.com", name: "New Person", role: "member", password: "a long password" };
    const created = await as(api, t.users.admin, { method: "POST", url: "/api/v1/users", payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe("new.person@example.com");
    expect(created.json()).not.toHaveProperty("passwordHash");
    const dup = await as(api, t.users.admin, { method: "POST", url: "/api/v1/users", payload: body });
    expect(dup.statusCode).toBe(409);
    const signIn = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: body.email, password: body.password },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it("keeps at least one active admin", async () => {
    const t = await createTestWorkspace(api);
    const res = await as(api, t.users.admin, { method: "PATCH", url: `/api/v1/users/${t.users.admin.id}`, payload: { role: "member" } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("last_admin");
  });

  it("deactivating a user ends their sessions at once", async () => {
    const t = await createTestWorkspace(api);
    const res = await as(api, t.users.admin, { method: "PATCH", url: `/api/v1/users/${t.users.member.id}`, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect((await as(api, t.users.member, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
  });

  it("manages teams and their members", async () => {
    const t = await createTestWorkspace(api);
    const created = await as(api, t.users.manager, {
      method: "POST",
      url: "/api/v1/teams",
      payload: { name: "North", memberIds: [t.users.member.id] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const dup = await as(api, t.users.manager, { method: "POST", url: "/api/v1/teams", payload: { name: "North" } });
    expect(dup.statusCode).toBe(409);
    const updated = await as(api, t.users.manager, {
      method: "PATCH",
      url: `/api/v1/teams/${id}`,
      payload: { memberIds: [t.users.member.id, t.users.read_only.id] },
    });
    expect(updated.json().memberIds).toHaveLength(2);
    const me = await as(api, t.users.member, { method: "GET", url: "/api/v1/me" });
    expect(me.json().user.teamIds).toContain(id);
    expect((await as(api, t.users.manager, { method: "DELETE", url: `/api/v1/teams/${id}` })).statusCode).toBe(204);
    expect((await as(api, t.users.manager, { method: "DELETE", url: `/api/v1/teams/${id}` })).statusCode).toBe(404);
  });

  it("shows an API key's secret once, stores only a hash, and revocation works on the next request", async () => {
    const t = await createTestWorkspace(api);
    const created = await as(api, t.users.admin, { method: "POST", url: "/api/v1/api-keys", payload: { name: "Zapier", role: "member" } });
    expect(created.statusCode).toBe(201);
    const { secret, apiKey } = created.json();
    const list = await as(api, t.users.admin, { method: "GET", url: "/api/v1/api-keys" });
    expect(list.body).not.toContain(secret);
    const stored = await api.database.pool.query("SELECT encode(secret_hash, 'hex') AS h FROM api_keys WHERE id = $1", [apiKey.id]);
    expect(stored.rows[0].h).not.toContain(secret);
    const headers = { authorization: `Bearer ${secret}` };
    expect((await api.app.inject({ method: "GET", url: "/api/v1/me", headers })).statusCode).toBe(200);
    expect((await as(api, t.users.admin, { method: "DELETE", url: `/api/v1/api-keys/${apiKey.id}` })).statusCode).toBe(204);
    expect((await api.app.inject({ method: "GET", url: "/api/v1/me", headers })).statusCode).toBe(401);
  });
});

describe("API keys remembered by lists (decision 0024)", () => {
  it("re-verifies a remembered key inside the list's own statement: revoked elsewhere, the very next request is 401", async () => {
    const t = await createTestWorkspace(api);
    const created = await as(api, t.users.admin, { method: "POST", url: "/api/v1/api-keys", payload: { name: "Sync", role: "member" } });
    expect(created.statusCode).toBe(201);
    const headers = { authorization: `Bearer ${created.json().secret}` };
    const get = (url: string) => api.app.inject({ method: "GET", url, headers });
    const mine = await as(api, t.users.admin, { method: "POST", url: "/api/v1/contacts", payload: { lastName: "Unowned", ownerId: null } });
    expect(mine.statusCode).toBe(201);
    // The first request looks the key up and remembers it; the next ones fold the check.
    for (let i = 0; i < 3; i++) {
      const list = await get("/api/v1/contacts");
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([mine.json().id]);
      expect((await get("/api/v1/companies")).statusCode).toBe(200);
    }
    // A forged secret for the same key id is not taken from memory.
    const forged = created.json().secret.replace(/.$/, (ch: string) => (ch === "A" ? "B" : "A"));
    expect(
      (await api.app.inject({ method: "GET", url: "/api/v1/contacts", headers: { authorization: `Bearer ${forged}` } })).statusCode,
    ).toBe(401);
    // Revoked by another server copy or the CLI: no notice reaches this copy, only the row changes.
    await api.database.pool.query("UPDATE api_keys SET revoked_at = now() WHERE id = $1", [created.json().apiKey.id]);
    for (const url of ["/api/v1/contacts", "/api/v1/contacts?trash=true", "/api/v1/companies", "/api/v1/contacts", "/api/v1/me"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code ?? res.json().type, url).toBeDefined();
      expect(res.body, url).not.toContain("Unowned");
    }
  });
});

describe("idempotency", () => {
  it("replays the first response for a repeated Idempotency-Key and creates once", async () => {
    const t = await createTestWorkspace(api);
    const call = {
      method: "POST" as const,
      url: "/api/v1/teams",
      payload: { name: "Once" },
      headers: { "idempotency-key": "abc-123" },
    };
    const [a, b] = await Promise.all([as(api, t.users.admin, call), as(api, t.users.admin, call)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const teams = await as(api, t.users.admin, { method: "GET", url: "/api/v1/teams" });
    expect(teams.json().items.filter((x: { name: string }) => x.name === "Once")).toHaveLength(1);
    const reused = await as(api, t.users.admin, { ...call, payload: { name: "Different" } });
    expect(reused.statusCode).toBe(422);
  });
});

describe("the audit trail", () => {
  it("records who changed which field from what to what, for admins", async () => {
    const t = await createTestWorkspace(api);
    await as(api, t.users.admin, { method: "PATCH", url: `/api/v1/users/${t.users.member.id}`, payload: { role: "manager" } });
    let entry: { field: string; oldValue: unknown; newValue: unknown; actorName: string } | undefined;
    for (let i = 0; i < 50 && !entry; i++) {
      // The audit consumer runs in the worker; here we drive it directly.
      const { processBatch } = await import("../../platform/events/processor.js");
      const { auditConsumer } = await import("../audit/index.js");
      await processBatch(api.db, auditConsumer);
      const res = await as(api, t.users.admin, { method: "GET", url: `/api/v1/audit?entityId=${t.users.member.id}` });
      entry = res.json().items.find((e: { field: string }) => e.field === "role");
    }
    expect(entry).toMatchObject({ field: "role", oldValue: "member", newValue: "manager", actorName: "admin user" });
  });

  it("cannot be altered by the application's database role", async () => {
    await expect(api.database.pool.query("DELETE FROM audit_log")).rejects.toThrow(/permission denied/);
    await expect(api.database.pool.query("UPDATE audit_log SET field = 'x'")).rejects.toThrow(/permission denied/);
    await expect(api.database.pool.query("TRUNCATE audit_log")).rejects.toThrow(/permission denied/);
    const su = await api.database.pool.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
    expect(su.rows[0].rolsuper).toBe(false);
  });
});

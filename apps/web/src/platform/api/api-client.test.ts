import { auditEndpoints, iamEndpoints } from "@rapport/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiCall } from "./api-client";
import { ApiError } from "./api-error";

const user = {
  id: "01a21344-3739-74d0-b705-4d9ac75d9a88",
  email: "ada@example.com",
  name: "Ada",
  role: "admin",
  active: true,
  teamIds: [],
  createdAt: "2026-11-25T15:12:47.400Z",
  updatedAt: "2026-11-25T15:12:47.400Z",
};

function respond(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
      }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function sent(fetchMock: ReturnType<typeof respond>) {
  const [url, init] = fetchMock.mock.calls[0] ?? [];
  return { url, init: init as RequestInit, headers: new Headers(init?.headers) };
}

afterEach(() => vi.unstubAllGlobals());

describe("apiCall", () => {
  it("sends the CSRF header and an idempotency key with a POST, and the JSON body", async () => {
    const fetchMock = respond(201, user);
    await apiCall(iamEndpoints.createUser, { body: { email: "ada@example.com", name: "Ada", role: "admin", password: "long enough!" } });
    const { url, init, headers } = sent(fetchMock);
    expect(url).toBe("/api/v1/users");
    expect(init.method).toBe("POST");
    expect(headers.get("X-Requested-With")).toBe("rapport");
    expect(headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(String(init.body))).toMatchObject({ email: "ada@example.com" });
  });

  it("sends no CSRF header or idempotency key with a GET, and serialises the query", async () => {
    const fetchMock = respond(200, { items: [], nextCursor: null });
    await apiCall(auditEndpoints.listAudit, { query: { limit: 10, entityType: "team" } });
    const { url, headers } = sent(fetchMock);
    expect(url).toBe("/api/v1/audit?limit=10&entityType=team");
    expect(headers.has("X-Requested-With")).toBe(false);
    expect(headers.has("Idempotency-Key")).toBe(false);
  });

  it("marks DELETE as a mutation and fills the path", async () => {
    const fetchMock = respond(204);
    await expect(apiCall(iamEndpoints.deleteTeam, { params: { id: user.id } })).resolves.toBeUndefined();
    const { url, init, headers } = sent(fetchMock);
    expect(url).toBe(`/api/v1/teams/${user.id}`);
    expect(init.method).toBe("DELETE");
    expect(headers.get("X-Requested-With")).toBe("rapport");
  });

  it("turns problem+json into an ApiError with code, field errors and Retry-After", async () => {
    respond(429, { type: "about:blank", title: "Too many", status: 429, code: "too_many_attempts" }, { "Retry-After": "30" });
    const error = await apiCall(iamEndpoints.signIn, { body: { email: "a@b.co", password: "x" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "too_many_attempts", retryAfterSeconds: 30 });
  });

  it("rejects an answer that does not match the contract", async () => {
    respond(200, { user: { id: "not a uuid" } });
    await expect(apiCall(iamEndpoints.me)).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("reports a network failure as status 0", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    await expect(apiCall(iamEndpoints.me)).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});

import { describe, expect, it } from "vitest";
import type { Principal } from "../../platform/auth/principal.js";
import type { CacheInvalidation } from "../../platform/db/cache-invalidation.js";
import { API_KEY_TOPIC, ApiKeyCache } from "./api-key-cache.js";

/** A stand-in for the LISTEN connection: tests deliver notices and resets by hand. */
function fakeInvalidation(live = true) {
  const handlers: { change?: (ws: string) => void; reset?: () => void } = {};
  const invalidation = {
    live,
    on(topic: string, change: (ws: string) => void, reset: () => void) {
      expect(topic).toBe(API_KEY_TOPIC);
      handlers.change = change;
      handlers.reset = reset;
    },
  };
  return { invalidation: invalidation as unknown as CacheInvalidation, handlers };
}

const principal = (workspaceId: string): Principal => ({
  workspaceId,
  actorType: "api_key",
  actorId: `key-${workspaceId}`,
  userId: null,
  role: "admin",
  teamIds: [],
  sessionId: null,
});

describe("API key cache", () => {
  it("trusts a verified key until its TTL ends, then asks again", () => {
    let now = 1_000;
    const cache = new ApiKeyCache(fakeInvalidation().invalidation, 5_000, () => now);
    cache.keep("token-a", principal("ws1"), cache.mark);
    expect(cache.get("token-a")?.workspaceId).toBe("ws1");
    expect(cache.get("token-b")).toBeUndefined();
    now += 4_999;
    expect(cache.get("token-a")).toBeDefined();
    now += 1;
    expect(cache.get("token-a")).toBeUndefined();
  });

  it("drops a workspace's keys on its notice, and everything on a reset", () => {
    const { invalidation, handlers } = fakeInvalidation();
    const cache = new ApiKeyCache(invalidation);
    cache.keep("a", principal("ws1"), cache.mark);
    cache.keep("b", principal("ws2"), cache.mark);
    handlers.change?.("ws1");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeDefined();
    handlers.reset?.();
    expect(cache.get("b")).toBeUndefined();
  });

  it("does not keep a key verified while a revocation arrived", () => {
    const cache = new ApiKeyCache(fakeInvalidation().invalidation);
    const mark = cache.mark;
    cache.forget("ws1");
    cache.keep("a", principal("ws1"), mark);
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps nothing without a live listener", () => {
    const cache = new ApiKeyCache(fakeInvalidation(false).invalidation);
    cache.keep("a", principal("ws1"), cache.mark);
    expect(cache.get("a")).toBeUndefined();
    const none = new ApiKeyCache(undefined);
    none.keep("a", principal("ws1"), none.mark);
    expect(none.get("a")).toBeUndefined();
  });

  it("hands out copies, so a caller cannot change what the next request gets", () => {
    const cache = new ApiKeyCache(fakeInvalidation().invalidation);
    cache.keep("a", principal("ws1"), cache.mark);
    const first = cache.get("a") as Principal;
    first.teamIds.push("team");
    (first as { role: string }).role = "read_only";
    expect(cache.get("a")).toMatchObject({ role: "admin", teamIds: [] });
  });
});

import crypto from "node:crypto";
import type { Principal } from "../../platform/auth/principal.js";
import type { CacheInvalidation } from "../../platform/db/cache-invalidation.js";

/** The cache topic the `api_keys` trigger notifies (migration 20261129T1900_read_speed_2.sql). */
export const API_KEY_TOPIC = "api_key";
/** How long a verified key is trusted without reading it again, whatever notices say. */
export const API_KEY_TTL_MS = 5_000;

type Entry = { principal: Principal; expiresAt: number };

/**
 * API keys verified in the last few seconds, so a burst of API calls does not read and hash
 * the key on every request (decision 0019). Only valid keys are kept, by a hash of the whole
 * token, for at most `ttlMs`. A revocation (or any change or deletion of a key) notifies every
 * copy through `CacheInvalidation` and drops the workspace's keys at once; this copy's own
 * revoke also forgets them before answering. Should a notice be lost, the TTL still bounds how
 * long a revoked key keeps working. Without a live listener nothing is kept.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly invalidation: CacheInvalidation | undefined,
    private readonly ttlMs = API_KEY_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {
    invalidation?.on(
      API_KEY_TOPIC,
      (workspaceId) => this.forget(workspaceId),
      () => this.clear(),
    );
  }

  /** The principal of a key verified within the TTL, or undefined (then verify it and `keep`). */
  get(token: string): Principal | undefined {
    const id = tokenId(token);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return { ...entry.principal, teamIds: [...entry.principal.teamIds] };
  }

  /** Read before verifying a key; `keep` ignores the result if anything changed since. */
  get mark(): number {
    return this.generation;
  }

  keep(token: string, principal: Principal, mark: number) {
    if (mark !== this.generation || !this.invalidation?.live) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenId(token), { principal: { ...principal, teamIds: [...principal.teamIds] }, expiresAt: this.now() + this.ttlMs });
  }

  forget(workspaceId: string) {
    this.generation++;
    for (const [id, entry] of this.entries) if (entry.principal.workspaceId === workspaceId) this.entries.delete(id);
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }
}

/** The cache never holds a usable secret, only a digest of the token. */
const tokenId = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");

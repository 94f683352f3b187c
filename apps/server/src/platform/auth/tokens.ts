import crypto from "node:crypto";

/**
 * Session cookies and API keys carry the workspace and a random secret; only the SHA-256 of
 * the secret is stored (the secret has 256 bits of entropy, so a slow hash adds nothing).
 * Putting the workspace in the token lets every lookup use a workspace-first index.
 */
export function newSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): Buffer {
  return crypto.createHash("sha256").update(secret).digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

const compact = (uuid: string) => uuid.replaceAll("-", "");
const expand = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function formatSessionToken(workspaceId: string, secret: string): string {
  return `${compact(workspaceId)}.${secret}`;
}

export function parseSessionToken(token: string): { workspaceId: string; secret: string } | undefined {
  const [ws, secret, extra] = token.split(".");
  if (!ws || !secret || extra !== undefined || ws.length !== 32 || !SECRET.test(secret)) return undefined;
  const workspaceId = expand(ws);
  return UUID.test(workspaceId) ? { workspaceId, secret } : undefined;
}

export function formatApiKey(workspaceId: string, keyId: string, secret: string): string {
  return `rpk_${compact(workspaceId)}_${compact(keyId)}_${secret}`;
}

export function parseApiKey(token: string): { workspaceId: string; keyId: string; secret: string } | undefined {
  const m = /^rpk_([0-9a-f]{32})_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { workspaceId: expand(m[1]), keyId: expand(m[2]), secret: m[3] };
}

import type { FastifyRequest } from "fastify";
import { ProblemError, unauthorized } from "../http/problem.js";
import type { CredentialCheck } from "./credential-check.js";
import type { Principal } from "./principal.js";

/**
 * Turns request credentials into a principal. The identity module implements it (sessions
 * and API keys live there); the HTTP layer only calls it.
 */
export interface Authenticator {
  fromSessionToken(token: string, req: FastifyRequest): Promise<Principal | undefined>;
  fromApiKey(token: string): Promise<Principal | undefined>;
  /**
   * An API key this copy verified recently, without a database round trip, together with
   * the check the request's own statement must evaluate (undefined: look it up).
   */
  rememberedApiKey(token: string): { principal: Principal; check: CredentialCheck } | undefined;
}

export const SESSION_COOKIE = "rapport_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * For routes whose one statement evaluates a `CredentialCheck`: a remembered API key without
 * a lookup, else undefined (the caller then authenticates in full).
 */
export function rememberedCredential(auth: Authenticator, req: FastifyRequest) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1] ? auth.rememberedApiKey(m[1]) : undefined;
}

export async function authenticate(auth: Authenticator, req: FastifyRequest): Promise<Principal> {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = m?.[1] ? await auth.fromApiKey(m[1]) : undefined;
    if (!principal) throw new ProblemError(401, "invalid_api_key", "The API key is unknown or revoked.");
    return principal;
  }
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw unauthorized();
  const principal = await auth.fromSessionToken(token, req);
  if (!principal) throw new ProblemError(401, "session_expired", "Your session has ended; sign in again.");
  // Cookies ride along on cross-site requests; a custom header cannot be sent cross-site
  // without a CORS preflight, which this server never grants.
  if (!SAFE_METHODS.has(req.method) && req.headers["x-requested-with"] !== "rapport") {
    throw new ProblemError(403, "csrf_header_missing", "Send the X-Requested-With: rapport header.");
  }
  return principal;
}

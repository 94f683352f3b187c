import { searchEndpoints as ep, type SearchHit } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { requirePermission } from "../../platform/auth/principal.js";
import { serialized } from "../../platform/http/json-text.js";
import { badRequest } from "../../platform/http/problem.js";
import { routeFoldingCredentialCheck } from "../../platform/http/route.js";
import type { SearchService } from "./search.service.js";

const TYPES = new Set<SearchHit["type"]>(["contact", "company", "deal"]);

export function registerSearchRoutes(
  app: FastifyInstance,
  deps: { auth: Authenticator; search: SearchService; defaultCountry: (workspaceId: string) => Promise<string> },
) {
  // A remembered API key is checked by the search's own statement (decision 0033).
  routeFoldingCredentialCheck(app, deps.auth, ep.search, async ({ principal, query, credentialCheck }) => {
    requirePermission(principal, "records.read");
    const types = query.types?.split(",").map((t) => t.trim());
    if (types?.some((t) => !TYPES.has(t as SearchHit["type"]))) {
      throw badRequest("invalid_types", "types is a comma-separated list of contact, company, deal.", [
        { path: "query.types", message: "unknown type" },
      ]);
    }
    const items = await deps.search.search(principal, query.q, {
      limit: query.limit,
      ...(types ? { types: types as SearchHit["type"][] } : {}),
      defaultCountry: await deps.defaultCountry(principal.workspaceId),
      credentialCheck,
    });
    // Sent as built (decision 0033): the service builds every field of the contract's hits.
    return serialized({ items });
  });
}

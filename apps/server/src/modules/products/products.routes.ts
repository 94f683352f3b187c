import { productEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { badRequest, notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { createProduct, updateProduct } from "./commands/save-product.js";
import { presentProduct } from "./products.presenter.js";
import { productsRepository } from "./products.repository.js";

function decodeCursor(cursor: string): { nameKey: string; id: string } {
  try {
    const [nameKey, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof nameKey === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) return { nameKey, id };
  } catch {}
  throw badRequest("invalid_cursor", "The cursor is not valid for this list; start again without it.");
}

/** The product catalogue: everyone reads it; admins and managers (sales.manage) change it. */
export function registerProductRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  route(app, auth, ep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    const ws = principal.workspaceId;
    const rows = await productsRepository.list(db, ws, {
      limit: query.limit,
      ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.active ? { active: query.active === "true" } : {}),
      ...(query.productLine ? { productLine: query.productLine } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const prices = await productsRepository.prices(
      db,
      ws,
      page.map((p) => p.id),
    );
    return {
      items: page.map((p) => presentProduct(p, prices.get(p.id) ?? [])),
      nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.name_key, last.id])).toString("base64url") : null,
    };
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    const row = await productsRepository.byId(db, principal.workspaceId, params.id);
    if (!row) throw notFound("product");
    return presentProduct(row, (await productsRepository.prices(db, principal.workspaceId, [row.id])).get(row.id) ?? []);
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => createProduct(tx, actorOf(principal), body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => updateProduct(tx, actorOf(principal), params.id, body));
  });
}

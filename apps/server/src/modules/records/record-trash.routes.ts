import type { bulkActionBodySchema, Endpoint, ResponseOf } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";

type BulkAction = z.output<typeof bulkActionBodySchema>;

/**
 * Trash, restore and bulk actions of a record object (people, companies): the same rules
 * for both — delete and restore need records.delete, the rest records.write, and only
 * records the caller can see are touched.
 */
export function registerRecordTrashRoutes<Remove extends Endpoint, Restore extends Endpoint, Bulk extends Endpoint>(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; auth: Authenticator },
  spec: {
    what: string;
    endpoints: { remove: Remove; restore: Restore; bulk: Bulk };
    bulk(tx: Transaction<DB>, principal: Principal, action: BulkAction): Promise<number>;
    presentOne(principal: Principal, id: string, tx: Transaction<DB>): Promise<ResponseOf<Restore>>;
  },
) {
  const { db, auth } = deps;
  const one = async (tx: Transaction<DB>, principal: Principal, action: "delete" | "restore", id: string) => {
    if ((await spec.bulk(tx, principal, { action, ids: [id] })) === 0) throw notFound(spec.what);
  };

  route(app, auth, spec.endpoints.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "records.delete");
    await runCommand(db, req, (tx) => one(tx, principal, "delete", (params as { id: string }).id));
    return undefined;
  });

  route(app, auth, spec.endpoints.restore, async ({ principal, params, req }) => {
    requirePermission(principal, "records.delete");
    const id = (params as { id: string }).id;
    return runCommand(db, req, async (tx) => {
      await one(tx, principal, "restore", id);
      return spec.presentOne(principal, id, tx);
    });
  });

  route(app, auth, spec.endpoints.bulk, async ({ principal, body, req }) => {
    const action = body as BulkAction;
    requirePermission(principal, action.action === "delete" || action.action === "restore" ? "records.delete" : "records.write");
    return { affected: await runCommand(db, req, (tx) => spec.bulk(tx, principal, action)) } as ResponseOf<Bulk>;
  });
}

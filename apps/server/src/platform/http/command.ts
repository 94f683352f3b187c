import crypto from "node:crypto";
import type { FastifyRequest } from "fastify";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Principal } from "../auth/principal.js";
import type { DB } from "../db/schema.js";
import { withAnnouncedEvents } from "../events/outbox.js";
import { ProblemError } from "./problem.js";

/** Thrown inside the transaction to answer with the response stored for an Idempotency-Key. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super("idempotent replay");
  }
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a command in one transaction. With an `Idempotency-Key` header on a POST, the key
 * and the response are stored in that same transaction: a retry after a lost response gets
 * the first response back and changes nothing; a concurrent duplicate waits on the key's
 * row lock and then replays. Reusing a key for a different request is a 422.
 * The command's events are announced to listeners after COMMIT (decision 0026).
 */
export async function runCommand<T>(
  db: Kysely<DB>,
  req: FastifyRequest,
  fn: (tx: Transaction<DB>) => Promise<T>,
  /**
   * `fn` writes in one statement, run last (a create without links): without an
   * Idempotency-Key it runs without BEGIN/COMMIT, the statement being atomic by itself
   * (decision 0031). With a key the claim, the effect and the stored response need the
   * transaction.
   */
  { oneStatement = false }: { oneStatement?: boolean } = {},
): Promise<T> {
  const principal = req.principal as Principal;
  const rawKey = req.method === "POST" ? req.headers["idempotency-key"] : undefined;
  if (typeof rawKey === "string" && !KEY.test(rawKey)) {
    throw new ProblemError(400, "invalid_idempotency_key", "Idempotency-Key must be 1–200 visible ASCII characters.");
  }
  const key = typeof rawKey === "string" ? rawKey : undefined;
  const requestHash = key
    ? crypto
        .createHash("sha256")
        .update(`${req.method} ${req.routeOptions.url}\n${JSON.stringify(req.params)}\n${JSON.stringify(req.body ?? null)}`)
        .digest("hex")
    : "";
  const announceFailed = (err: unknown) => req.log.warn({ err }, "could not announce new events; listeners will poll");
  return withAnnouncedEvents(
    db,
    announceFailed,
    async (tx) => {
      if (key) {
        const claimed = await tx
          .insertInto("idempotency_keys")
          .values({ workspace_id: principal.workspaceId, principal_id: principal.actorId, key, request_hash: requestHash })
          .onConflict((oc) => oc.doNothing())
          .returning("key")
          .executeTakeFirst();
        if (!claimed) {
          const stored = await tx
            .selectFrom("idempotency_keys")
            .select(["request_hash", "status_code", "response"])
            .where("workspace_id", "=", principal.workspaceId)
            .where("principal_id", "=", principal.actorId)
            .where("key", "=", key)
            .executeTakeFirstOrThrow();
          if (stored.request_hash !== requestHash) {
            throw new ProblemError(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request.");
          }
          throw new IdempotentReplay(stored.status_code ?? 200, stored.response);
        }
      }
      const result = await fn(tx);
      if (key) {
        await tx
          .updateTable("idempotency_keys")
          .set({
            status_code: req.routeOptions.config.successStatus ?? 200,
            response: sql`${JSON.stringify(result ?? null)}::jsonb` as unknown as string,
          })
          .where("workspace_id", "=", principal.workspaceId)
          .where("principal_id", "=", principal.actorId)
          .where("key", "=", key)
          .execute();
      }
      return result;
    },
    { oneStatement: oneStatement && !key },
  );
}

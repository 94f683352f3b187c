import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import { ProblemError } from "../../platform/http/problem.js";
import { afterFailure, freeFailures, isLocked, type ThrottleState } from "./sign-in-throttle.rules.js";

const keys = (email: string, ip: string) => [
  { key: `account:${email}`, kind: "account" as const },
  { key: `ip:${ip}`, kind: "ip" as const },
];

async function load(db: Kysely<DB>, key: string): Promise<ThrottleState | undefined> {
  const row = await db.selectFrom("sign_in_throttle").selectAll().where("key", "=", key).executeTakeFirst();
  return row
    ? {
        failures: row.failures,
        windowStartedAt: new Date(row.window_started_at),
        lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
      }
    : undefined;
}

/** Refuses with 429 and Retry-After while the account or the address is locked. */
export async function assertNotThrottled(db: Kysely<DB>, email: string, ip: string) {
  const now = new Date();
  for (const { key } of keys(email, ip)) {
    const wait = isLocked(await load(db, key), now);
    if (wait > 0) {
      throw new ProblemError(429, "too_many_attempts", "Too many failed sign-ins; wait before trying again.", {
        headers: { "Retry-After": String(Math.ceil(wait / 1000)) },
      });
    }
  }
}

export async function recordFailedSignIn(db: Kysely<DB>, email: string, ip: string) {
  const now = new Date();
  for (const { key, kind } of keys(email, ip)) {
    const next = afterFailure(await load(db, key), now, freeFailures(kind));
    await db
      .insertInto("sign_in_throttle")
      .values({ key, failures: next.failures, window_started_at: next.windowStartedAt, locked_until: next.lockedUntil })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: next.failures,
          window_started_at: next.windowStartedAt,
          locked_until: next.lockedUntil,
        }),
      )
      .execute();
  }
}

export async function clearFailedSignIns(db: Kysely<DB>, email: string) {
  await db.deleteFrom("sign_in_throttle").where("key", "=", `account:${email}`).execute();
}

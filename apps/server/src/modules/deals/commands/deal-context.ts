import type { Kysely, Transaction } from "kysely";
import { type Actor, actorOf, type Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { type RecordVisibility, recordVisibility } from "../../iam/index.js";

export type DealContext = { tx: Transaction<DB>; principal: Principal; actor: Actor; visibility: RecordVisibility; now: Date };

export async function dealContext(tx: Transaction<DB>, principal: Principal): Promise<DealContext> {
  // The transaction's clock: every row and event of one command carries the same time.
  const now = (await (tx as unknown as Kysely<DB>).selectNoFrom((eb) => eb.fn<Date>("now", []).as("now")).executeTakeFirstOrThrow()).now;
  return { tx, principal, actor: actorOf(principal), visibility: await recordVisibility(tx, principal), now: new Date(now) };
}

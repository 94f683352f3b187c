import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  Transaction,
  UnknownRow,
} from "kysely";
import type { DB } from "./schema.js";

/**
 * A handle for a command whose only write is one statement, run last: every statement
 * commits on its own (no BEGIN/COMMIT round trips, decision 0031). That is as atomic as a
 * transaction: the write is one statement, which PostgreSQL applies whole or not at all,
 * and under READ COMMITTED a transaction gives the reads before it no snapshot or lock the
 * write would keep either (each statement reads its own snapshot there too).
 *
 * It is typed as a transaction so the command's code is the same either way; the guard
 * throws before a statement that follows a write, or before a second write, reaches the
 * database, so a command that grows a second write fails its tests instead of silently
 * losing its atomicity.
 */
export function oneWriteHandle(db: Kysely<DB>): Transaction<DB> {
  return db.withPlugin(new OneWriteGuard()) as unknown as Transaction<DB>;
}

export class SecondWriteError extends Error {
  constructor() {
    super("a one-statement command ran a statement after its write; run it in a transaction");
  }
}

class OneWriteGuard implements KyselyPlugin {
  private wrote = false;

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.wrote) throw new SecondWriteError();
    if (!isRead(node)) this.wrote = true;
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

/** A Kysely select, or raw SQL that starts with SELECT (a data-modifying WITH counts as a write). */
function isRead(node: RootOperationNode): boolean {
  if (node.kind === "SelectQueryNode") return true;
  if (node.kind !== "RawNode") return false;
  return /^\s*select\b/i.test(node.sqlFragments[0] ?? "");
}

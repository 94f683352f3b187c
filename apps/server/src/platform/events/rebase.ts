import type pg from "pg";

/**
 * After a restore into another cluster, the outbox's transaction ids come from the old
 * cluster's counter, which may be far ahead of the new one: new events would sort before the
 * restored ones and consumers would skip them. So restored events are given txid 0 (before
 * anything the new cluster writes), keeping their order by seq, and each consumer's cursor is
 * moved to the last seq it had reached.
 */
export async function rebaseOutboxAfterRestore(client: pg.ClientBase) {
  await client.query("BEGIN");
  try {
    await client.query(`UPDATE event_consumers c
         SET last_seq = coalesce((SELECT max(e.seq) FROM domain_events e WHERE (e.txid, e.seq) <= (c.last_txid, c.last_seq)), 0),
             last_txid = '0'`);
    await client.query("UPDATE domain_events SET txid = '0' WHERE txid <> '0'");
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

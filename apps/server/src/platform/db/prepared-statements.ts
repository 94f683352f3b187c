import pg from "pg";

/** Prepared statements kept per connection; the least recently used one is deallocated. */
const MAX_PREPARED = 200;

/**
 * A pool client that runs every parameterised statement as a named prepared statement on
 * its connection. PostgreSQL then parses and analyses each statement text once per
 * connection instead of once per call, and may reuse a generic plan once it has seen that
 * the plan does not depend on the values (plan_cache_mode = auto keeps per-value plans
 * when it does, e.g. for `LIKE $1`). Hot reads spent more time planning than executing.
 *
 * Names are generated here, never taken from SQL or request text. Statements without
 * parameters (BEGIN, COMMIT, DDL) and anything that is not a plain text query (cursors,
 * COPY streams, explicit names) pass through unchanged. See decision 0014.
 */
export class PreparingClient extends pg.Client {
  /** Statement text → name, in least-recently-used order. */
  private readonly names = new Map<string, string>();
  private counter = 0;

  // pg's query() is overloaded; this override only rewrites the (text, values) form.
  // biome-ignore lint/suspicious/noExplicitAny: mirrors pg.Client.query's overloads
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === "string" && Array.isArray(values) && values.length > 0 && callback === undefined) {
      return super.query({ name: this.nameFor(config), text: config, values });
    }
    // A plain config object (text, values and row options such as `types`, no name, not a
    // cursor or stream) is prepared the same way: textRows (decision 0032) sends those.
    if (
      typeof config === "object" &&
      config !== null &&
      typeof config.text === "string" &&
      config.name === undefined &&
      typeof config.submit !== "function" &&
      Array.isArray(config.values) &&
      config.values.length > 0 &&
      values === undefined &&
      callback === undefined
    ) {
      return super.query({ ...config, name: this.nameFor(config.text) });
    }
    return super.query(config, values, callback);
  }

  private nameFor(text: string): string {
    const known = this.names.get(text);
    if (known) {
      this.names.delete(text);
      this.names.set(text, known);
      return known;
    }
    const name = `rp_${++this.counter}`;
    this.names.set(text, name);
    if (this.names.size > MAX_PREPARED) this.evictOldest();
    return name;
  }

  private evictOldest() {
    const oldest = this.names.entries().next().value;
    if (!oldest) return;
    const [text, name] = oldest;
    this.names.delete(text);
    // Queued behind whatever this connection already sent. Names are never reused, so if
    // the DEALLOCATE fails (inside an aborted transaction) the statement only lingers.
    super.query(`DEALLOCATE ${name}`).catch(() => {});
    const connection = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection;
    delete connection.parsedStatements[name];
  }
}

import fs from "node:fs";
import path from "node:path";
import Fastify from "fastify";
import pg from "pg";
import { PreparingClient } from "../apps/server/src/platform/db/prepared-statements.js";
import { ROOT } from "./lib.js";
import { runtimeConnection, type Waves } from "./page360.js";

/**
 * The calibration route of the 360° part: a bare Fastify + pg server that answers
 * `GET /page/<i>` by running exactly the statements Rapport sent for the page's i-th request
 * (the customers bench records them into bench/out/page360-statements.json, in page order):
 * one after another, those Rapport had in flight together side by side, each on a pooled
 * connection as Rapport's pool does (same role, socket, prepared statements), and sends every
 * statement's rows as JSON — no authentication, validation or presentation. Its latency in
 * the same run is the floor the API's per-request figures are compared with.
 */
const file = process.env.BARE_STATEMENTS ?? path.join(ROOT, "bench/out/page360-statements.json");
const statements = Object.values(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Waves>);
const pool = new pg.Pool({
  ...runtimeConnection(process.env.BENCH_DATA_DIR ?? path.join(ROOT, "data-bench")),
  max: 20,
  Client: PreparingClient,
});
const app = Fastify({ logger: false });
/** One statement on a pooled connection, as Kysely runs each (promise form: a named prepared statement). */
async function run(s: Waves[number][number]) {
  const client = await pool.connect();
  try {
    return (await client.query(s.text, s.values)).rows as unknown[];
  } finally {
    client.release();
  }
}
app.get<{ Params: { i: string } }>("/page/:i", async (req) => {
  const results: unknown[][] = [];
  for (const wave of statements[Number(req.params.i)] ?? []) {
    results.push(...(await Promise.all(wave.map(run))));
  }
  return { results };
});
// Port 0: the OS picks a free one.
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stdout.write(`${address}\n`);
process.on("SIGTERM", () => void app.close().then(() => pool.end()));

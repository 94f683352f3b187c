import Fastify from "fastify";
import pg from "pg";

/**
 * The calibration route of the customers bench: a bare Fastify + pg server answering the
 * same keyset page as `GET /api/v1/contacts?filter[lifecycleStage][eq]=…&sort=name`, with
 * no authentication, validation or presentation. Its throughput in the same run is the
 * ceiling the API's list figures are compared with.
 */
const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 20 });
const workspaceId = process.env.BARE_WORKSPACE_ID;
const app = Fastify({ logger: false });
app.get<{ Querystring: { stage?: string } }>("/list", async (req) => {
  const { rows } = await pool.query(
    `SELECT c.*, (c.name_key)::text AS sort_0 FROM contacts c WHERE c.workspace_id = $1 AND c.deleted_at IS NULL AND c.lifecycle_stage = $2
      ORDER BY c.name_key ASC NULLS LAST, c.id ASC LIMIT 51`,
    [workspaceId, req.query.stage ?? "lead"],
  );
  return { items: rows.slice(0, 50) };
});
// Port 0: the OS picks a free one (a fixed one collided with other benches on shared machines).
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stdout.write(`${address}\n`);
process.on("SIGTERM", () => void app.close().then(() => pool.end()));

import Fastify from "fastify";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";

/**
 * The calibration route of the customers bench's creates: a bare Fastify + pg server
 * answering `POST /contacts` with one INSERT of a person row like the API's (same
 * million-row table, all its indexes and triggers) (a UUID v7 id, as the API's) in a BEGIN/COMMIT transaction, returning
 * the row as JSON. No authentication, validation, search tokens, event or consumers: its
 * throughput in the same run is the ceiling the API's creates are compared with.
 */
const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 20, application_name: "bare-create" });
const workspaceId = process.env.BARE_WORKSPACE_ID;
const app = Fastify({ logger: false });
app.post<{ Body: { firstName: string; lastName: string; emails: string[] } }>("/contacts", async (req, reply) => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(
      `INSERT INTO contacts (workspace_id, id, first_name, last_name, emails, lifecycle_stage)
       VALUES ($1, $2, $3, $4, $5::text[], 'lead') RETURNING *`,
      [workspaceId, uuidv7(), req.body.firstName, req.body.lastName, req.body.emails],
    );
    await client.query("COMMIT");
    reply.code(201);
    return rows[0];
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
});
// Port 0: the OS picks a free one.
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stdout.write(`${address}\n`);
process.on("SIGTERM", () => void app.close().then(() => pool.end()));

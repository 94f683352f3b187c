import Fastify from "fastify";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { contactSnapshot, presentContact } from "../apps/server/src/modules/contacts/contacts.presenter.js";
import type { ContactRow } from "../apps/server/src/modules/contacts/contacts.repository.js";
import { contactTokens } from "../apps/server/src/modules/contacts/index.js";
import { recordTokens } from "../apps/server/src/modules/search/index.js";

/**
 * The "bare full create" of the customers bench (decision 0034): everything a Rapport create
 * of a person durably writes, without Rapport's logic, as the ceiling of what this schema
 * allows on this machine. Per request, one statement (one round trip, its own transaction,
 * synchronous commit as configured, i.e. durable) writes, like `createContact` without
 * company links:
 * - the person row (same 15 columns, same million-row table, its 11 indexes),
 * - its search tokens with word pairs (`search_tokens`, ON CONFLICT DO NOTHING),
 * - its name words for the vocabulary (`search_vocabulary`, ON CONFLICT DO NOTHING; the table's
 *   statement trigger runs as in the API),
 * - its `contact.created` domain event with the person's snapshot (`domain_events`, flagged as
 *   announced after COMMIT so the table's trigger does not notify inside the transaction),
 * then, after COMMIT, the same coalesced announcement as the API's runner (at most one
 * `pg_notify('rapport_events')` per 10 ms, asynchronous commit) so a running Rapport server's
 * event consumers pick the events up as they do the API's.
 *
 * What it leaves out is Rapport's request logic: authentication and the credential check,
 * body validation and normalisation, tokenising, presenting, idempotency. The tokens and the
 * event payloads are pre-computed at start with Rapport's own pure functions
 * (`contactTokens`, `recordTokens`, the presenter's snapshot), so the rows are the ones the
 * API would write for such a person; each request takes the next one, with fresh UUID v7 ids
 * for the person and the event. The request body (same shape as the API's) is parsed by
 * Fastify as usual but not used.
 */
const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 20, application_name: "bare-full-create" });
const workspaceId = process.env.BARE_WORKSPACE_ID as string;
const POOL_SIZE = Number(process.env.BARE_POOL ?? 60_000);
/** The event's actor: an API key, as for the bench's API creates (any id: actor_id has no foreign key). */
const actorId = uuidv7();

type Prepared = {
  first: string;
  last: string;
  emails: string[];
  tokens: string[];
  fields: string[];
  vocabulary: string[];
  payload: string;
};

function prepare(n: number, stamp: number): Prepared {
  // The people the bench's API creates write (same names, same shape of email), so the rows,
  // tokens and the consumers' work (identity blocking by name) are alike.
  const first = "Bench";
  const last = `Create ${n % 1000}`;
  const emails = [`bench${stamp + n}@example.com`];
  const row = {
    workspace_id: workspaceId,
    id: "",
    first_name: first,
    last_name: last,
    title: null,
    emails,
    phones: [],
    addresses: [],
    social: {},
    lifecycle_stage: "lead",
    source: null,
    owner_id: null,
    tags: [],
    notes: null,
    custom: {},
    name: "",
    name_key: "",
    last_name_key: "",
    merged_into: null,
    last_interaction_at: null,
    created_at: new Date(),
    updated_at: new Date(),
    deleted_at: null,
  } as ContactRow;
  const unique = recordTokens(contactTokens(row, []));
  const vocabulary = [...new Set(unique.filter((t) => t.field === "n" && t.token.length >= 2).map((t) => t.token))];
  const snapshot = contactSnapshot(presentContact(row, [], new Set()));
  return {
    first,
    last,
    emails,
    tokens: unique.map((t) => t.token),
    fields: unique.map((t) => t.field),
    vocabulary,
    payload: JSON.stringify({ after: snapshot, ownerId: null }),
  };
}

const stamp = Date.now();
const prepared = Array.from({ length: POOL_SIZE }, (_, n) => prepare(n, stamp));
let next = 0;

// The statement the API runs for a create without company links (contactsRepository.insertWith
// with newRecordIndexWrites and eventInsert), minus the credential check's conditions.
const CREATE = `
  WITH c AS (
    INSERT INTO contacts (workspace_id, id, first_name, last_name, title, emails, phones, addresses, social, lifecycle_stage,
                          source, owner_id, tags, notes, custom)
    SELECT $1::uuid, $2::uuid, $3, $4, NULL, $5::text[], '{}'::text[], '[]'::jsonb, '{}'::jsonb, 'lead', NULL, NULL::uuid,
           '{}'::text[], NULL, '{}'::jsonb
    RETURNING *
  ), w0 AS (
    INSERT INTO search_tokens (workspace_id, token, entity_type, entity_id, field)
    SELECT $1::uuid, t.token, 'p', $2::uuid, t.field FROM unnest($6::text[], $7::char(1)[]) AS t(token, field)
    ON CONFLICT DO NOTHING
  ), w1 AS (
    INSERT INTO search_vocabulary (workspace_id, token)
    SELECT $1::uuid, w FROM unnest($8::text[]) AS w
    ON CONFLICT DO NOTHING
  ), w2 AS (
    INSERT INTO domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, actor_id, payload)
    SELECT $1::uuid, $9::uuid, 'contact.created', 'contact', $2::uuid, 'api_key', $10::uuid, $11::jsonb
     WHERE set_config('rapport.events_announced', 'on', true) = 'on'
  )
  SELECT * FROM c`;

// The API runner's announcement after COMMIT, coalesced (platform/events/outbox.ts).
const ANNOUNCE_INTERVAL_MS = 10;
let lastSent = 0;
let timer: NodeJS.Timeout | undefined;
function announce() {
  if (timer) return;
  const send = () => {
    lastSent = Date.now();
    pool.query("SELECT set_config('synchronous_commit', 'off', true), pg_notify('rapport_events', '')").catch(() => {});
  };
  const wait = lastSent + ANNOUNCE_INTERVAL_MS - Date.now();
  if (wait <= 0) return send();
  timer = setTimeout(() => {
    timer = undefined;
    send();
  }, wait);
}

const app = Fastify({ logger: false });
app.post("/contacts", async (_req, reply) => {
  const p = prepared[next++ % POOL_SIZE] as Prepared;
  const id = uuidv7();
  const { rows } = await pool.query({
    name: "bare_full_create",
    text: CREATE,
    values: [workspaceId, id, p.first, p.last, p.emails, p.tokens, p.fields, p.vocabulary, uuidv7(), actorId, p.payload],
  });
  announce();
  reply.code(201);
  return rows[0];
});
// Port 0: the OS picks a free one.
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stdout.write(`${address}\n`);
process.on("SIGTERM", () => void app.close().then(() => pool.end()));

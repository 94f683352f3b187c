import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { v7 as uuidv7 } from "uuid";
import { contactTokens } from "../apps/server/src/modules/contacts/index.js";

/**
 * The import's ceiling on this machine and schema: the bare database cost of writing N people
 * that are already computed (values, search tokens, events) into the `bench` workspace through
 * PostgreSQL's fastest bulk path — `COPY` straight into the tables, or `COPY` into temporary
 * staging tables then one `INSERT … SELECT` each — with every index, constraint and trigger the
 * schema has, in one transaction committed as an import batch commits (`synchronous_commit`
 * off). Nothing of Rapport's logic runs inside the timing: no parsing, no matching, no
 * round trip per batch. What each variant wrote is deleted afterwards.
 *
 * Variants:
 * - `contactsOnly`: the people rows alone (the contacts table's 11 indexes, two of them GIN);
 * - `full`: the people, their search tokens (as `contactTokens` makes them), one
 *   `contact.created` event each (the payload the import writes) and their email and phone
 *   identities (`source = 'record'`, as the identity consumer writes them later);
 * - `fullStaged`: the same through temporary staging tables and `INSERT … SELECT`;
 * - `contactsPkeyOnly`: the people rows with the contacts table's ten secondary indexes
 *   dropped inside the transaction, which is then rolled back (the indexes come back
 *   untouched): the share of the people's cost that is index maintenance.
 *
 * Each variant reports its seconds, the cluster's CPU seconds (every PostgreSQL process,
 * which does not depend on how busy the machine is), the WAL it wrote and its full-page images.
 */

type Person = {
  id: string;
  first: string;
  last: string;
  title: string;
  email: string;
  phone: string;
  stage: string;
  source: string;
  tags: string[];
  notes: string | null;
  addresses: unknown[];
};

const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nia", "Omar"];
const LAST = ["Souza", "Müller", "Okafor", "Tanaka", "Nguyen", "Smith", "García", "Kowalski", "Haddad", "Larsen", "Rossi", "Singh"];
const STAGES = ["lead", "prospect", "customer", "opportunity", "churned"];

/** A value in COPY's text format. */
function cell(v: string | null): string {
  if (v === null) return "\\N";
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
const arrayLiteral = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
const line = (cells: (string | null)[]) => `${cells.map(cell).join("\t")}\n`;

function people(n: number, tag: string): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i >> 3) % LAST.length] as string;
    return {
      id: uuidv7(),
      first,
      last,
      title: i % 3 === 0 ? "Head of Operations, EMEA" : "Buyer",
      email: `${first}.${last}.${tag}${i}@ceiling.example`.toLowerCase(),
      phone: `+1415${String(2_000_000 + ((i * 7919) % 7_000_000))}`,
      stage: STAGES[i % STAGES.length] as string,
      source: i % 2 ? "Trade show" : "Web",
      tags: i % 4 === 0 ? ["vip", "imported"] : ["imported"],
      notes: i % 10 === 0 ? `Met at the fair.\nWants a "quote" by Q${(i % 4) + 1}` : null,
      addresses: [{ city: "Lisbon", country: "PT" }],
    };
  });
}

/** The rows each table receives, in COPY text format, computed before any timing. */
function prepare(ws: string, actorId: string | null, list: Person[]) {
  const contacts: string[] = [];
  const events: string[] = [];
  const identities: string[] = [];
  const tokens: { token: string; id: string; field: string }[] = [];
  for (const p of list) {
    contacts.push(
      line([
        ws,
        p.id,
        p.first,
        p.last,
        p.title,
        arrayLiteral([p.email]),
        arrayLiteral([p.phone]),
        JSON.stringify(p.addresses),
        p.stage,
        p.source,
        null,
        arrayLiteral(p.tags),
        p.notes,
        "{}",
      ]),
    );
    const after = {
      firstName: p.first,
      lastName: p.last,
      title: p.title,
      emails: [p.email],
      phones: [p.phone],
      addresses: p.addresses,
      social: {},
      lifecycleStage: p.stage,
      source: p.source,
      ownerId: null,
      tags: p.tags,
      notes: p.notes,
      custom: {},
      companyIds: [],
    };
    events.push(line([ws, uuidv7(), "contact.created", "contact", p.id, "system", actorId, JSON.stringify({ after, ownerId: null })]));
    identities.push(line([ws, p.id, "email", p.email, "record"]), line([ws, p.id, "phone", p.phone, "record"]));
    const seen = new Set<string>();
    const stored = { first_name: p.first, last_name: p.last, emails: [p.email], phones: [p.phone], tags: p.tags, custom: {} };
    for (const t of contactTokens(stored, [])) {
      const token = t.token.slice(0, 100);
      const key = `${t.field}:${token}`;
      if (!token || seen.has(key)) continue;
      seen.add(key);
      tokens.push({ token, id: p.id, field: t.field });
    }
  }
  // In index order, as the import writes them.
  tokens.sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : a.field < b.field ? -1 : 1));
  return { contacts, events, identities, tokens: tokens.map((t) => line([ws, t.token, "p", t.id, t.field])) };
}

const COLUMNS = {
  contacts:
    "contacts (workspace_id, id, first_name, last_name, title, emails, phones, addresses, lifecycle_stage, source, owner_id, tags, notes, custom)",
  search_tokens: "search_tokens (workspace_id, token, entity_type, entity_id, field)",
  domain_events: "domain_events (workspace_id, id, type, entity_type, entity_id, actor_type, actor_id, payload)",
  contact_identities: "contact_identities (workspace_id, contact_id, kind, value, source)",
} as const;
type Table = keyof typeof COLUMNS;

async function copyInto(db: pg.Client, target: string, lines: string[]) {
  const stream = db.query(copyFrom(`COPY ${target} FROM STDIN`));
  // Chunks of ~1,000 lines: few stream writes, bounded strings.
  const chunks = function* () {
    for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join("");
  };
  await pipeline(Readable.from(chunks()), stream);
}

async function timed<T>(into: Record<string, number>, name: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  into[name] = Math.round(performance.now() - t0);
  return r;
}

/** One variant in one transaction; returns ms per step and rows/s for the whole. */
async function runVariant(
  db: pg.Client,
  dataDir: string,
  data: ReturnType<typeof prepare>,
  tables: Table[],
  opts: { staged: boolean; pkeyOnly: boolean },
) {
  const { staged, pkeyOnly } = opts;
  const ms: Record<string, number> = {};
  const wal0 = await walStats(db);
  await db.query("BEGIN");
  if (pkeyOnly) {
    const idx = await db.query<{ name: string }>(
      "SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'contacts'::regclass AND NOT indisprimary",
    );
    for (const r of idx.rows) await db.query(`DROP INDEX ${r.name}`);
  }
  const cpu0 = clusterCpuSeconds(dataDir);
  const t0 = performance.now();
  await db.query("SET LOCAL synchronous_commit = off");
  for (const table of tables) {
    const lines =
      data[table === "contacts" ? "contacts" : table === "search_tokens" ? "tokens" : table === "domain_events" ? "events" : "identities"];
    if (!staged) {
      await timed(ms, table, () => copyInto(db, COLUMNS[table], lines));
      continue;
    }
    const columns = COLUMNS[table].slice(COLUMNS[table].indexOf("("));
    await db.query(`CREATE TEMP TABLE ceiling_${table} ON COMMIT DROP AS SELECT ${columns.slice(1, -1)} FROM ${table} WITH NO DATA`);
    await timed(ms, `${table} (COPY to staging)`, () => copyInto(db, `ceiling_${table} ${columns}`, lines));
    await timed(ms, `${table} (INSERT … SELECT)`, () =>
      db.query(
        `INSERT INTO ${table} ${columns} SELECT * FROM ceiling_${table}${table === "search_tokens" ? ' ORDER BY token COLLATE "C", entity_id, field' : ""}`,
      ),
    );
  }
  await timed(ms, pkeyOnly ? "rollback" : "commit", () => db.query(pkeyOnly ? "ROLLBACK" : "COMMIT"));
  const seconds = Math.round(performance.now() - t0) / 1000;
  const cpuSeconds = Math.round((clusterCpuSeconds(dataDir) - cpu0) * 10) / 10;
  const wal1 = await walStats(db);
  return { seconds, cpuSeconds, ms, walMb: Math.round((wal1.bytes - wal0.bytes) / 1e6), fullPageImages: wal1.fpi - wal0.fpi };
}

/**
 * CPU seconds (user + system) the cluster has used so far: the postmaster with the children it
 * has reaped (connections that closed) and every live child (backends, checkpointer, writers).
 */
export function clusterCpuSeconds(dataDir: string): number {
  const pgdata = path.join(dataDir, "pg");
  const postmaster = Number(fs.readFileSync(path.join(pgdata, "postmaster.pid"), "utf8").split("\n")[0]);
  const ticks = 100; // USER_HZ on Linux
  const fields = (pid: number) => {
    // Fields after the command's closing parenthesis; utime is the 14th field of the line.
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return text
      .slice(text.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
  };
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const f = fields(pid);
      // f[1] is the parent pid; f[11..14] utime, stime, cutime, cstime.
      if (pid === postmaster) total += (f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0);
      else if (f[1] === postmaster) total += (f[11] ?? 0) + (f[12] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return total / ticks;
}

/**
 * WAL written so far by the whole cluster (other sessions of the bench are idle meanwhile):
 * its bytes and full-page images, which a checkpoint during a bulk write multiplies.
 */
export async function walStats(db: pg.Client) {
  // This backend's own counters reach the shared statistics when it next goes idle.
  await db.query("SELECT pg_stat_force_next_flush()");
  const r = await db.query<{ bytes: string; fpi: string }>(
    "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes, wal_fpi::text AS fpi FROM pg_stat_wal",
  );
  return { bytes: Number(r.rows[0]?.bytes ?? 0), fpi: Number(r.rows[0]?.fpi ?? 0) };
}

/** Deletes what a variant wrote (the people and everything that names them). */
async function remove(db: pg.Client, ws: string, ids: string[]) {
  await db.query("BEGIN");
  await db.query("CREATE TEMP TABLE ceiling_gone ON COMMIT DROP AS SELECT unnest($1::uuid[]) AS id", [ids]);
  await db.query("ANALYZE ceiling_gone");
  await db.query(
    "DELETE FROM search_tokens t USING ceiling_gone g WHERE t.workspace_id = $1 AND t.entity_type = 'p' AND t.entity_id = g.id",
    [ws],
  );
  await db.query(
    "DELETE FROM domain_events e USING ceiling_gone g WHERE e.workspace_id = $1 AND e.entity_type = 'contact' AND e.entity_id = g.id",
    [ws],
  );
  await db.query("DELETE FROM contacts c USING ceiling_gone g WHERE c.workspace_id = $1 AND c.id = g.id", [ws]); // identities cascade
  await db.query("COMMIT");
}

export async function importCeiling(db: pg.Client, dataDir: string, ws: string, n: number) {
  const all: Table[] = ["contacts", "search_tokens", "domain_events", "contact_identities"];
  const variants: [string, Table[], { staged: boolean; pkeyOnly: boolean }][] = [
    ["contactsOnly", ["contacts"], { staged: false, pkeyOnly: false }],
    ["full", all, { staged: false, pkeyOnly: false }],
    ["fullStaged", all, { staged: true, pkeyOnly: false }],
    ["contactsPkeyOnly", ["contacts"], { staged: false, pkeyOnly: true }],
  ];
  const out: Record<string, unknown> = { rows: n };
  for (const [name, tables, opts] of variants) {
    const list = people(n, `${Date.now().toString(36)}-`);
    const data = prepare(ws, null, list);
    try {
      const r = await runVariant(db, dataDir, data, tables, opts);
      out[name] = { ...r, rowsPerSecond: Math.round(n / r.seconds), tokensPerPerson: Math.round((data.tokens.length / n) * 10) / 10 };
    } catch (err) {
      await db.query("ROLLBACK").catch(() => {});
      throw err;
    }
    if (!opts.pkeyOnly)
      await remove(
        db,
        ws,
        list.map((p) => p.id),
      );
  }
  // The next run starts from the same state (the bench's clean-up vacuums contacts and tokens).
  await db.query("VACUUM contact_identities");
  await db.query("VACUUM domain_events");
  return out;
}

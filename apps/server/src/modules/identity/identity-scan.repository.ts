import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { PersonProfile } from "./identity-values.rules.js";

/**
 * SQL of the full duplicate scan. It runs on pinned connections in autocommit (a scan must
 * not hold a transaction open for minutes: outbox consumers wait for the oldest one), so its
 * working tables are session TEMP tables (no WAL, no index; the key connection keeps its own
 * copy of the keys, see decision 0028). People are read in id pages; block members through a
 * cursor WITH HOLD: the query runs once, its rows are kept by the server outside any
 * transaction and fetched page by page. Either way Node's memory is one page whatever the size.
 */
type Conn = Kysely<DB>;
const UNIQUE_VIOLATION = "23505";

/** A person as the scan reads it: one JSON array, parsed natively (no per-array parsing in JS). */
type ProfileJson = [
  id: string,
  first: string,
  last: string,
  emails: string[],
  phones: string[],
  companies: string[],
  externalIds: string[],
];

const toProfile = ([id, firstName, lastName, emails, phones, companies, externalIds]: ProfileJson): PersonProfile => ({
  id,
  firstName,
  lastName,
  emails,
  phones,
  companies,
  externalIds,
});

/**
 * Every live person of the workspace with company names and external ids, aggregated once
 * per workspace and hash-joined (not a correlated sub-select per person).
 */
const profilesOf = (ws: string) => sql`
  SELECT c.id, json_build_array(c.id, c.first_name, c.last_name, c.emails, c.phones,
                                coalesce(co.names, '{}'), coalesce(x.ids, '{}')) AS person
    FROM contacts c
    LEFT JOIN (SELECT cc.contact_id, array_agg(co.name) AS names
                 FROM contact_companies cc
                 JOIN companies co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id AND co.deleted_at IS NULL
                WHERE cc.workspace_id = ${ws}::uuid
                GROUP BY cc.contact_id) co ON co.contact_id = c.id
    LEFT JOIN (SELECT contact_id, array_agg(value) AS ids FROM contact_identities
                WHERE workspace_id = ${ws}::uuid AND kind = 'external_id'
                GROUP BY contact_id) x ON x.contact_id = c.id
   WHERE c.workspace_id = ${ws}::uuid AND c.deleted_at IS NULL`;

export type BlockRow = { key: string; keys: string[]; person: PersonProfile };

export const identityScanRepository = {
  /** The session's working tables, empty. */
  prepare: async (conn: Conn) => {
    await sql`CREATE TEMP TABLE IF NOT EXISTS identity_scan_keys (key text COLLATE "C" NOT NULL, contact_id uuid NOT NULL)`.execute(conn);
    await sql`TRUNCATE identity_scan_keys`.execute(conn);
    await sql`DROP TABLE IF EXISTS identity_scan_members`.execute(conn);
  },

  dropAll: async (conn: Conn) => {
    await sql`CLOSE ALL`.execute(conn);
    await sql`DROP TABLE IF EXISTS identity_scan_keys, identity_scan_members`.execute(conn);
  },

  /**
   * The next `n` live people after `after` in id order, each with company names and external
   * ids. Each page is one statement (no cursor to materialise first), so the scan asks for
   * the next page before computing the keys of this one: PostgreSQL reads while Node computes.
   * Links and identities are read as one id range per page (their keys start with contact_id).
   */
  peoplePage: async (conn: Conn, ws: string, after: string, n: number): Promise<PersonProfile[]> => {
    const r = await sql<{ person: ProfileJson }>`
      WITH page AS MATERIALIZED (
        SELECT c.id, c.first_name, c.last_name, c.emails, c.phones FROM contacts c
         WHERE c.workspace_id = ${ws}::uuid AND c.deleted_at IS NULL AND c.id > ${after}::uuid
         ORDER BY c.id LIMIT ${Math.trunc(n)}),
      span AS (SELECT id AS last FROM page ORDER BY id DESC LIMIT 1)
      SELECT json_build_array(p.id, p.first_name, p.last_name, p.emails, p.phones, coalesce(co.names, '{}'), coalesce(x.ids, '{}')) AS person
        FROM page p
        LEFT JOIN (SELECT cc.contact_id, array_agg(co.name) AS names
                     FROM contact_companies cc
                     JOIN companies co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id AND co.deleted_at IS NULL
                    WHERE cc.workspace_id = ${ws}::uuid AND cc.contact_id > ${after}::uuid AND cc.contact_id <= (SELECT last FROM span)
                    GROUP BY cc.contact_id) co ON co.contact_id = p.id
        LEFT JOIN (SELECT contact_id, array_agg(value) AS ids FROM contact_identities
                    WHERE workspace_id = ${ws}::uuid AND kind = 'external_id'
                      AND contact_id > ${after}::uuid AND contact_id <= (SELECT last FROM span)
                    GROUP BY contact_id) x ON x.contact_id = p.id
       ORDER BY p.id`.execute(conn);
    return r.rows.map((row) => toProfile(row.person));
  },

  addKeys: async (conn: Conn, keys: { id: string; key: string }[]) => {
    if (keys.length === 0) return;
    await sql`INSERT INTO identity_scan_keys (key, contact_id)
              SELECT k, i FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.id)}::uuid[]) AS x(k, i)`.execute(conn);
  },

  /**
   * Makes the stored keys of the workspace those of the scan: only the difference is
   * written (in a workspace whose keys the identity consumer keeps current, almost nothing),
   * new keys in key order so the index is filled page after page. The scan runs this on its
   * second connection, from that session's own copy of the keys, while blocking and scoring
   * go on (a per-page store instead, in random key order, cost 60 % more CPU in all).
   */
  storeKeys: async (conn: Conn, ws: string) => {
    await sql`ANALYZE identity_scan_keys`.execute(conn);
    const removed = await sql`DELETE FROM identity_match_keys m
       WHERE m.workspace_id = ${ws}::uuid
         AND NOT EXISTS (SELECT 1 FROM identity_scan_keys s WHERE s.key = m.key AND s.contact_id = m.contact_id)`.execute(conn);
    // A plain insert of what is missing; only if the identity consumer stored one of these
    // keys meanwhile does it take the slower per-row conflict check (~40 % more).
    const insertMissing = (onConflict: boolean) =>
      sql`INSERT INTO identity_match_keys (workspace_id, key, contact_id)
       SELECT ${ws}::uuid, s.key, s.contact_id FROM identity_scan_keys s
        WHERE NOT EXISTS (SELECT 1 FROM identity_match_keys m WHERE m.workspace_id = ${ws}::uuid AND m.key = s.key AND m.contact_id = s.contact_id)
        ORDER BY s.key, s.contact_id
       ${onConflict ? sql`ON CONFLICT DO NOTHING` : sql``}`.execute(conn);
    const added = await insertMissing(false).catch((err: { code?: string }) => {
      if (err.code === UNIQUE_VIOLATION) return insertMissing(true);
      throw err;
    });
    // Fresh statistics for the incremental detection's plans (needs MAINTAIN, see 20261129T2200).
    await sql`ANALYZE identity_match_keys`.execute(conn).catch(() => undefined);
    return { removed: Number(removed.numAffectedRows ?? 0), added: Number(added.numAffectedRows ?? 0) };
  },

  /**
   * Blocking: the members of every block of 2 to `cap` people (name-only keys have their own cap). Returns the number of pairs
   * they form (before removing pairs that share several blocks).
   */
  buildBlocks: async (conn: Conn, cap: { name: number; other: number }): Promise<{ members: number; pairs: number }> => {
    await sql`ANALYZE identity_scan_keys`.execute(conn);
    await sql`CREATE TEMP TABLE identity_scan_members AS
       SELECT s.key, s.contact_id FROM identity_scan_keys s
        WHERE s.key IN (SELECT key FROM identity_scan_keys GROUP BY key
                         HAVING count(*) BETWEEN 2 AND CASE WHEN left(key, 2) IN ('n:', 'i:') THEN ${cap.name}::int ELSE ${cap.other}::int END)`.execute(
      conn,
    );
    await sql`ANALYZE identity_scan_members`.execute(conn);
    const r = await sql<{ members: string; pairs: string }>`
      SELECT coalesce(sum(n), 0) AS members, coalesce(sum(n * (n - 1) / 2), 0) AS pairs
        FROM (SELECT count(*) AS n FROM identity_scan_members GROUP BY key) b`.execute(conn);
    return { members: Number(r.rows[0]?.members ?? 0), pairs: Number(r.rows[0]?.pairs ?? 0) };
  },

  /** Every block member with its profile and all its block keys, block after block. */
  openBlocks: (conn: Conn, ws: string) =>
    sql`DECLARE identity_scan_blocks NO SCROLL CURSOR WITH HOLD FOR
        SELECT m.key, k.keys, p.person
          FROM identity_scan_members m
          JOIN (SELECT contact_id, to_json(array_agg(key)) AS keys FROM identity_scan_members GROUP BY contact_id) k ON k.contact_id = m.contact_id
          JOIN (${profilesOf(ws)}) p ON p.id = m.contact_id
         ORDER BY m.key`.execute(conn),

  nextBlockRows: async (conn: Conn, n: number): Promise<BlockRow[]> => {
    const r = await sql<{
      key: string;
      keys: string[];
      person: ProfileJson;
    }>`FETCH ${sql.raw(String(Math.trunc(n)))} FROM identity_scan_blocks`.execute(conn);
    return r.rows.map((row) => ({ key: row.key, keys: row.keys, person: toProfile(row.person) }));
  },

  closeBlocks: (conn: Conn) => sql`CLOSE identity_scan_blocks`.execute(conn),

  /** Pairs a reviewer already decided (merged, dismissed, distinct): never proposed again. */
  decidedPairs: async (conn: Conn, ws: string): Promise<Set<string>> => {
    const r = await sql<{ a: string; b: string }>`SELECT contact_a AS a, contact_b AS b FROM duplicate_candidates
       WHERE workspace_id = ${ws}::uuid AND status <> 'open'`.execute(conn);
    return new Set(r.rows.map((p) => `${p.a}|${p.b}`));
  },
};

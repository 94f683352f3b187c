import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { PersonProfile } from "./identity-values.rules.js";

type Q = Kysely<DB> | Transaction<DB>;

export type CandidateRow = {
  id: string;
  contact_a: string;
  contact_b: string;
  score: number;
  reasons: string[];
  status: "open" | "merged" | "dismissed" | "distinct";
  detected_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
};

export type IdentityRow = { contact_id: string; kind: string; value: string; source: string; created_at: Date };

export type SettingsRow = { auto_merge_threshold: number | null; auto_merge_exact_email: boolean; updated_at: Date | null };

export type ScoredPair = { a: string; b: string; score: number; reasons: string[] };

/** What scoring needs of a person: names, emails, phones, company names and external ids. */
const PROFILE_SELECT = sql`
  SELECT c.id, c.first_name, c.last_name, c.emails, c.phones,
         coalesce((SELECT array_agg(co.name) FROM contact_companies cc
                     JOIN companies co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id AND co.deleted_at IS NULL
                    WHERE cc.workspace_id = c.workspace_id AND cc.contact_id = c.id), '{}') AS companies,
         coalesce((SELECT array_agg(i.value) FROM contact_identities i
                    WHERE i.workspace_id = c.workspace_id AND i.contact_id = c.id AND i.kind = 'external_id'), '{}') AS external_ids
    FROM contacts c`;

type ProfileRow = {
  id: string;
  first_name: string;
  last_name: string;
  emails: string[];
  phones: string[];
  companies: string[];
  external_ids: string[];
};

const toProfile = (r: ProfileRow): PersonProfile => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  emails: r.emails,
  phones: r.phones,
  companies: r.companies,
  externalIds: r.external_ids,
});

export const identityRepository = {
  /** Profiles of the live people among `ids`. */
  profiles: async (q: Q, ws: string, ids: string[]): Promise<PersonProfile[]> => {
    if (ids.length === 0) return [];
    const r = await sql<ProfileRow>`${PROFILE_SELECT}
      WHERE c.workspace_id = ${ws}::uuid AND c.id = ANY(${ids}::uuid[]) AND c.deleted_at IS NULL`.execute(q);
    return r.rows.map(toProfile);
  },

  countLive: async (q: Q, ws: string): Promise<number> => {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM contacts WHERE workspace_id = ${ws}::uuid AND deleted_at IS NULL`.execute(
      q,
    );
    return Number(r.rows[0]?.n ?? 0);
  },

  /** Rebuilds the identities derived from the people's own fields (source 'record'). */
  syncRecordIdentities: async (tx: Transaction<DB>, ws: string, ids: string[]) => {
    if (ids.length === 0) return;
    await sql`DELETE FROM contact_identities WHERE workspace_id = ${ws}::uuid AND contact_id = ANY(${ids}::uuid[]) AND source = 'record'`.execute(
      tx,
    );
    await sql`
      INSERT INTO contact_identities (workspace_id, contact_id, kind, value, source)
      SELECT workspace_id, id, 'email', e, 'record' FROM contacts, unnest(emails) e
       WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NULL
      UNION
      SELECT workspace_id, id, 'phone', p, 'record' FROM contacts, unnest(phones) p
       WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NULL
      UNION
      SELECT workspace_id, id, 'social', s.key || ':' || lower(s.value), 'record' FROM contacts, jsonb_each_text(social) s
       WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NULL AND s.value <> ''
      ON CONFLICT DO NOTHING`.execute(tx);
  },

  /** Replaces the blocking keys of the given people (people without keys, e.g. deleted ones, lose theirs). */
  replaceKeys: async (tx: Q, ws: string, ids: string[], keys: { id: string; key: string }[]) => {
    if (ids.length > 0) {
      await sql`DELETE FROM identity_match_keys WHERE workspace_id = ${ws}::uuid AND contact_id = ANY(${ids}::uuid[])`.execute(tx);
    }
    await identityRepository.insertKeys(tx, ws, keys);
  },

  insertKeys: async (tx: Q, ws: string, keys: { id: string; key: string }[]) => {
    if (keys.length === 0) return;
    await sql`INSERT INTO identity_match_keys (workspace_id, key, contact_id)
              SELECT ${ws}::uuid, k, i FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.id)}::uuid[]) AS x(k, i)
              ON CONFLICT DO NOTHING`.execute(tx);
  },

  /**
   * Blocking, set-based: every pair of one of `ids` with a person sharing a key whose block
   * has at most `cap` people (name-only keys: `cap.name`), minus pairs already decided, each
   * once (a < b), ordered. One statement that returns the pairs: incremental detection used
   * to write them to a temporary table created per batch, whose catalog rows cost more than
   * the pairs (decision 0031).
   */
  pairsFor: async (tx: Q, ws: string, cap: { name: number; other: number }, ids: string[]): Promise<{ a: string; b: string }[]> => {
    const r = await sql<{ a: string; b: string }>`
      SELECT p.a, p.b
        FROM (SELECT DISTINCT least(m.contact_id, o.contact_id) AS a, greatest(m.contact_id, o.contact_id) AS b
                FROM identity_match_keys m
                JOIN identity_match_keys o ON o.workspace_id = m.workspace_id AND o.key = m.key AND o.contact_id <> m.contact_id
               WHERE m.workspace_id = ${ws}::uuid AND m.contact_id = ANY(${ids}::uuid[])
                 AND (SELECT count(*) FROM (SELECT 1 FROM identity_match_keys s WHERE s.workspace_id = m.workspace_id AND s.key = m.key
                                            LIMIT ${cap.other + 1}) x)
                     <= CASE WHEN left(m.key, 2) IN ('n:', 'i:') THEN ${cap.name}::int ELSE ${cap.other}::int END) p
       WHERE NOT EXISTS (SELECT 1 FROM duplicate_candidates d
                          WHERE d.workspace_id = ${ws}::uuid AND d.contact_a = p.a AND d.contact_b = p.b AND d.status <> 'open')
       ORDER BY p.a, p.b`.execute(tx);
    return r.rows;
  },

  /** Inserts or refreshes open candidates; decided pairs keep their decision. Returns the stored ones. */
  upsertCandidates: async (tx: Q, ws: string, pairs: ScoredPair[], newId: () => string): Promise<CandidateRow[]> => {
    if (pairs.length === 0) return [];
    const r = await sql<CandidateRow>`
      INSERT INTO duplicate_candidates (workspace_id, id, contact_a, contact_b, score, reasons)
      SELECT ${ws}::uuid, id, a, b, s, r::jsonb
        FROM unnest(${pairs.map(() => newId())}::uuid[], ${pairs.map((p) => p.a)}::uuid[], ${pairs.map((p) => p.b)}::uuid[],
                    ${pairs.map((p) => p.score)}::real[], ${pairs.map((p) => JSON.stringify(p.reasons))}::text[]) AS x(id, a, b, s, r)
      ON CONFLICT (workspace_id, contact_a, contact_b) DO UPDATE
        SET score = excluded.score, reasons = excluded.reasons, detected_at = now()
        WHERE duplicate_candidates.status = 'open'
      RETURNING id, contact_a, contact_b, score, reasons, status, detected_at, decided_at, decided_by`.execute(tx);
    return r.rows;
  },

  /** Open candidates involving these people that detection no longer proposes are withdrawn. */
  withdrawStale: async (tx: Q, ws: string, ids: string[] | null, keep: { a: string; b: string }[], since?: Date) => {
    if (ids) {
      await sql`
        DELETE FROM duplicate_candidates d
         WHERE d.workspace_id = ${ws}::uuid AND d.status = 'open'
           AND (d.contact_a = ANY(${ids}::uuid[]) OR d.contact_b = ANY(${ids}::uuid[]))
           AND NOT EXISTS (SELECT 1 FROM unnest(${keep.map((k) => k.a)}::uuid[], ${keep.map((k) => k.b)}::uuid[]) AS k(a, b)
                            WHERE k.a = d.contact_a AND k.b = d.contact_b)`.execute(tx);
    } else if (since) {
      await sql`DELETE FROM duplicate_candidates WHERE workspace_id = ${ws}::uuid AND status = 'open' AND detected_at < ${since}`.execute(
        tx,
      );
    }
  },

  settings: async (q: Q, ws: string): Promise<SettingsRow> => {
    const r = await sql<SettingsRow>`SELECT auto_merge_threshold, auto_merge_exact_email, updated_at FROM identity_settings
                                      WHERE workspace_id = ${ws}::uuid`.execute(q);
    return r.rows[0] ?? { auto_merge_threshold: null, auto_merge_exact_email: false, updated_at: null };
  },

  saveSettings: async (tx: Q, ws: string, s: { threshold: number | null; exactEmail: boolean }, by: string | null) => {
    await sql`INSERT INTO identity_settings (workspace_id, auto_merge_threshold, auto_merge_exact_email, updated_by)
              VALUES (${ws}::uuid, ${s.threshold}, ${s.exactEmail}, ${by}::uuid)
              ON CONFLICT (workspace_id) DO UPDATE SET auto_merge_threshold = excluded.auto_merge_threshold,
                auto_merge_exact_email = excluded.auto_merge_exact_email, updated_by = excluded.updated_by, updated_at = now()`.execute(tx);
  },

  identities: async (q: Q, ws: string, contactId: string): Promise<IdentityRow[]> => {
    const r = await sql<IdentityRow>`SELECT contact_id, kind, value, source, created_at FROM contact_identities
                                      WHERE workspace_id = ${ws}::uuid AND contact_id = ${contactId}::uuid ORDER BY kind, created_at, value`.execute(
      q,
    );
    return r.rows;
  },

  addIdentity: async (tx: Q, ws: string, contactId: string, i: { kind: string; value: string; source: string }) => {
    const r = await sql<IdentityRow>`
      INSERT INTO contact_identities (workspace_id, contact_id, kind, value, source)
      VALUES (${ws}::uuid, ${contactId}::uuid, ${i.kind}, ${i.value}, ${i.source})
      ON CONFLICT DO NOTHING RETURNING contact_id, kind, value, source, created_at`.execute(tx);
    return r.rows[0];
  },

  removeIdentity: async (tx: Q, ws: string, contactId: string, kind: string, value: string) => {
    const r = await sql`DELETE FROM contact_identities WHERE workspace_id = ${ws}::uuid AND contact_id = ${contactId}::uuid
                          AND kind = ${kind} AND value = ${value} AND source <> 'record'`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  },

  /** The person (other than `contactId`) that already holds an external id, if any. */
  externalIdHolder: async (q: Q, ws: string, value: string, contactId: string) => {
    const r = await sql<{ contact_id: string }>`SELECT contact_id FROM contact_identities
       WHERE workspace_id = ${ws}::uuid AND kind = 'external_id' AND value = ${value} AND contact_id <> ${contactId}::uuid LIMIT 1`.execute(
      q,
    );
    return r.rows[0]?.contact_id;
  },
};

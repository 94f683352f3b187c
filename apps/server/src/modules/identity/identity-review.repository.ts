import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";
import { ownerVisible } from "../records/index.js";
import type { DuplicateRow, MergeRow, ScanRow } from "./identity.presenter.js";

type Q = Kysely<DB> | Transaction<DB>;

/**
 * SQL of the review side: candidate pairs (only those whose two people the caller may
 * see), merge records and full-scan runs.
 */
const brief = (idCol: "contact_a" | "contact_b", v: RecordVisibility, includeDeleted: boolean) => sql`
  (SELECT jsonb_build_object('id', c.id, 'name', c.name, 'title', c.title, 'emails', c.emails, 'phones', c.phones,
            'source', c.source, 'owner_id', c.owner_id, 'created_at', c.created_at, 'updated_at', c.updated_at,
            'companies', coalesce((SELECT jsonb_agg(co.name ORDER BY cc.is_primary DESC, co.name_key) FROM contact_companies cc
                                     JOIN companies co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id AND co.deleted_at IS NULL
                                    WHERE cc.workspace_id = c.workspace_id AND cc.contact_id = c.id), '[]'::jsonb))
     FROM contacts c
    WHERE c.workspace_id = d.workspace_id AND c.id = d.${sql.raw(idCol)}
      ${includeDeleted ? sql`` : sql`AND c.deleted_at IS NULL`} AND ${ownerVisible("c", v)})`;

function candidateQuery(ws: string, v: RecordVisibility, includeDeleted: boolean) {
  return sql`SELECT * FROM (
      SELECT d.id, d.score, d.reasons, d.status, d.detected_at,
             ${brief("contact_a", v, includeDeleted)} AS a, ${brief("contact_b", v, includeDeleted)} AS b
        FROM duplicate_candidates d
       WHERE d.workspace_id = ${ws}::uuid`;
}

export const reviewRepository = {
  /** One page of candidates, best first; pairs with a person the caller cannot see are left out. */
  listCandidates: async (
    q: Q,
    ws: string,
    v: RecordVisibility,
    o: { status: string; minScore: number; after: { score: number; id: string } | null; limit: number; contactId?: string },
  ): Promise<DuplicateRow[]> => {
    const r = await sql<DuplicateRow>`${candidateQuery(ws, v, o.status !== "open")}
         AND d.status = ${o.status} AND d.score >= ${o.minScore}
         ${o.contactId ? sql`AND (d.contact_a = ${o.contactId}::uuid OR d.contact_b = ${o.contactId}::uuid)` : sql``}
         ${o.after ? sql`AND (d.score, d.id) < (${o.after.score}::real, ${o.after.id}::uuid)` : sql``}
       ORDER BY d.score DESC, d.id DESC) x
      WHERE x.a IS NOT NULL AND x.b IS NOT NULL
      LIMIT ${o.limit}`.execute(q);
    return r.rows;
  },

  candidate: async (q: Q, ws: string, v: RecordVisibility, id: string): Promise<DuplicateRow | undefined> => {
    const r = await sql<DuplicateRow>`${candidateQuery(ws, v, true)} AND d.id = ${id}::uuid) x
      WHERE x.a IS NOT NULL AND x.b IS NOT NULL`.execute(q);
    return r.rows[0];
  },

  /** The stored pair of two people, whichever order they come in. */
  pair: async (q: Q, ws: string, x: string, y: string, lock = false) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const r = await sql<{ id: string; status: string }>`SELECT id, status FROM duplicate_candidates
       WHERE workspace_id = ${ws}::uuid AND contact_a = ${a}::uuid AND contact_b = ${b}::uuid ${lock ? sql`FOR UPDATE` : sql``}`.execute(q);
    return r.rows[0];
  },

  /** Records a decision on the pair of two people, creating the pair if detection never proposed it. */
  decidePair: async (tx: Q, ws: string, x: string, y: string, status: "merged" | "distinct" | "open", by: string | null, newId: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const r = await sql<{ id: string }>`
      INSERT INTO duplicate_candidates (workspace_id, id, contact_a, contact_b, score, reasons, status, decided_at, decided_by)
      VALUES (${ws}::uuid, ${newId}::uuid, ${a}::uuid, ${b}::uuid, 0, '[]', ${status}, now(), ${by}::uuid)
      ON CONFLICT (workspace_id, contact_a, contact_b) DO UPDATE SET status = excluded.status, decided_at = now(), decided_by = excluded.decided_by
      RETURNING id`.execute(tx);
    return r.rows[0]?.id as string;
  },

  /** Open candidates of a person who no longer exists as such (merged away). */
  withdrawOpen: (tx: Q, ws: string, contactId: string) =>
    sql`DELETE FROM duplicate_candidates WHERE workspace_id = ${ws}::uuid AND status = 'open'
           AND (contact_a = ${contactId}::uuid OR contact_b = ${contactId}::uuid)`.execute(tx),

  insertMerge: (
    tx: Q,
    ws: string,
    m: {
      id: string;
      survivorId: string;
      mergedId: string;
      fields: Record<string, string>;
      survivorBefore: unknown;
      mergedBefore: unknown;
      moved: unknown;
      candidateId: string | null;
      automatic: boolean;
      by: string | null;
    },
  ) =>
    sql`INSERT INTO contact_merges (workspace_id, id, survivor_id, merged_id, fields, survivor_before, merged_before, moved, candidate_id, automatic, merged_by)
        VALUES (${ws}::uuid, ${m.id}::uuid, ${m.survivorId}::uuid, ${m.mergedId}::uuid, ${JSON.stringify(m.fields)}::jsonb,
                ${JSON.stringify(m.survivorBefore)}::jsonb, ${JSON.stringify(m.mergedBefore)}::jsonb, ${JSON.stringify(m.moved)}::jsonb,
                ${m.candidateId}::uuid, ${m.automatic}, ${m.by}::uuid)`.execute(tx),

  /** The stored merge with what undo needs, locked. */
  mergeForUndo: async (tx: Q, ws: string, id: string) => {
    const r = await sql<{
      id: string;
      survivor_id: string;
      merged_id: string;
      survivor_before: Record<string, unknown>;
      merged_before: Record<string, unknown>;
      moved: Record<string, { count: number; undo: unknown }>;
      created_at: Date;
      undone_at: Date | null;
    }>`SELECT id, survivor_id, merged_id, survivor_before, merged_before, moved, created_at, undone_at FROM contact_merges
        WHERE workspace_id = ${ws}::uuid AND id = ${id}::uuid FOR UPDATE`.execute(tx);
    return r.rows[0];
  },

  markUndone: (tx: Q, ws: string, id: string, by: string | null) =>
    sql`UPDATE contact_merges SET undone_at = now(), undone_by = ${by}::uuid WHERE workspace_id = ${ws}::uuid AND id = ${id}::uuid`.execute(
      tx,
    ),

  /** Merges, newest first, whose two people the caller may see (trashed ones included). */
  listMerges: async (
    q: Q,
    ws: string,
    v: RecordVisibility,
    o: { after: { at: string; id: string } | null; limit: number; contactId?: string; id?: string },
  ): Promise<MergeRow[]> => {
    const r = await sql<MergeRow>`
      SELECT m.id, m.survivor_id, m.merged_id, s.name AS survivor_name, g.name AS merged_name, m.fields,
             (SELECT jsonb_object_agg(k, jsonb_build_object('count', v->'count')) FROM jsonb_each(m.moved) AS e(k, v)) AS moved,
             m.automatic, m.merged_by, m.created_at, m.undone_at, m.undone_by,
             EXISTS (SELECT 1 FROM contact_merges l WHERE l.workspace_id = m.workspace_id AND l.undone_at IS NULL
                        AND l.created_at > m.created_at AND l.id <> m.id
                        AND (l.survivor_id IN (m.survivor_id, m.merged_id) OR l.merged_id IN (m.survivor_id, m.merged_id))) AS superseded
        FROM contact_merges m
        JOIN contacts s ON s.workspace_id = m.workspace_id AND s.id = m.survivor_id
        JOIN contacts g ON g.workspace_id = m.workspace_id AND g.id = m.merged_id
       WHERE m.workspace_id = ${ws}::uuid AND ${ownerVisible("s", v)} AND ${ownerVisible("g", v)}
         ${o.id ? sql`AND m.id = ${o.id}::uuid` : sql``}
         ${o.contactId ? sql`AND (m.survivor_id = ${o.contactId}::uuid OR m.merged_id = ${o.contactId}::uuid)` : sql``}
         ${o.after ? sql`AND (m.created_at, m.id) < (${o.after.at}::timestamptz, ${o.after.id}::uuid)` : sql``}
       ORDER BY m.created_at DESC, m.id DESC LIMIT ${o.limit}`.execute(q);
    return r.rows.map((x) => ({ ...x, moved: x.moved ?? {} }));
  },

  insertScan: async (tx: Q, ws: string, id: string, by: string | null): Promise<ScanRow> => {
    const r = await sql<ScanRow>`INSERT INTO duplicate_scans (workspace_id, id, requested_by) VALUES (${ws}::uuid, ${id}::uuid, ${by}::uuid)
      RETURNING id, status, phase, processed, total, pairs, candidates, error, created_at, finished_at`.execute(tx);
    return r.rows[0] as ScanRow;
  },

  activeScan: async (q: Q, ws: string) => {
    const r = await sql<{ id: string }>`SELECT id FROM duplicate_scans WHERE workspace_id = ${ws}::uuid AND status IN ('queued', 'running')
       AND created_at > now() - interval '1 hour' LIMIT 1`.execute(q);
    return r.rows[0];
  },

  updateScan: (
    q: Q,
    ws: string,
    id: string,
    s: { status: string; phase: string; processed: number; total: number; pairs: number; candidates: number; error?: string | null },
  ) =>
    sql`UPDATE duplicate_scans SET status = ${s.status}, phase = ${s.phase}, processed = ${s.processed}, total = ${s.total},
          pairs = ${s.pairs}, candidates = ${s.candidates}, error = ${s.error ?? null},
          finished_at = CASE WHEN ${s.status} IN ('done', 'failed') THEN now() END
        WHERE workspace_id = ${ws}::uuid AND id = ${id}::uuid`.execute(q),

  latestScan: async (q: Q, ws: string): Promise<ScanRow | undefined> => {
    const r = await sql<ScanRow>`SELECT id, status, phase, processed, total, pairs, candidates, error, created_at, finished_at
       FROM duplicate_scans WHERE workspace_id = ${ws}::uuid ORDER BY created_at DESC LIMIT 1`.execute(q);
    return r.rows[0];
  },
};

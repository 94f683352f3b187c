import type { Duplicate, DuplicateReason, DuplicateScan, Identity, Merge } from "@rapport/contract";
import { defaultSurvivor } from "./merge-defaults.rules.js";

/** The one place identity rows become API objects. */
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export type BriefRow = {
  id: string;
  name: string;
  title: string | null;
  emails: string[];
  phones: string[];
  companies: string[];
  source: string | null;
  owner_id: string | null;
  created_at: string;
  updated_at: string;
};

export type DuplicateRow = {
  id: string;
  score: number;
  reasons: string[];
  status: Duplicate["status"];
  detected_at: Date;
  a: BriefRow;
  b: BriefRow;
};

const brief = (r: BriefRow) => ({
  id: r.id,
  name: r.name,
  title: r.title,
  emails: r.emails,
  phones: r.phones,
  companies: r.companies,
  source: r.source,
  ownerId: r.owner_id,
  createdAt: iso(r.created_at) as string,
  updatedAt: iso(r.updated_at) as string,
});

export function presentDuplicate(r: DuplicateRow): Duplicate {
  const side = (b: BriefRow) => ({
    id: b.id,
    createdAt: iso(b.created_at) as string,
    updatedAt: iso(b.updated_at) as string,
    source: b.source,
    values: { title: b.title, emails: b.emails, phones: b.phones, companies: b.companies, owner: b.owner_id },
  });
  return {
    id: r.id,
    score: Number(r.score),
    reasons: r.reasons as DuplicateReason[],
    status: r.status,
    detectedAt: iso(r.detected_at) as string,
    a: brief(r.a),
    b: brief(r.b),
    suggestedSurvivorId: defaultSurvivor(side(r.a), side(r.b)).id,
  };
}

export type MergeRow = {
  id: string;
  survivor_id: string;
  merged_id: string;
  survivor_name: string;
  merged_name: string;
  fields: Record<string, "survivor" | "merged">;
  moved: Record<string, { count: number }>;
  automatic: boolean;
  merged_by: string | null;
  created_at: Date;
  undone_at: Date | null;
  undone_by: string | null;
  superseded: boolean;
};

export function presentMerge(r: MergeRow): Merge {
  return {
    id: r.id,
    survivorId: r.survivor_id,
    mergedId: r.merged_id,
    survivorName: r.survivor_name,
    mergedName: r.merged_name,
    fields: r.fields,
    moved: Object.fromEntries(Object.entries(r.moved).map(([k, v]) => [k, v.count])),
    automatic: r.automatic,
    mergedBy: r.merged_by,
    createdAt: iso(r.created_at) as string,
    undoneAt: iso(r.undone_at),
    undoneBy: r.undone_by,
    canUndo: !r.undone_at && !r.superseded,
  };
}

export function presentIdentity(r: { kind: string; value: string; source: string; created_at: Date }): Identity {
  return { kind: r.kind as Identity["kind"], value: r.value, source: r.source, createdAt: iso(r.created_at) as string };
}

export type ScanRow = {
  id: string;
  status: DuplicateScan["status"];
  phase: string;
  processed: string | number;
  total: string | number;
  pairs: string | number;
  candidates: string | number;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
};

export function presentScan(r: ScanRow): DuplicateScan {
  return {
    id: r.id,
    status: r.status,
    phase: r.phase,
    processed: Number(r.processed),
    total: Number(r.total),
    pairs: Number(r.pairs),
    candidates: Number(r.candidates),
    error: r.error,
    createdAt: iso(r.created_at) as string,
    finishedAt: iso(r.finished_at),
  };
}

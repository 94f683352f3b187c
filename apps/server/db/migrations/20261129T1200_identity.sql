-- Identity resolution: the identities of each person (emails, phones, social handles,
-- external ids, each with its source), blocking keys for duplicate detection, candidate
-- pairs with their score and reasons, merges (with what undo needs) and per-workspace rules.

-- A merged person is soft-deleted and points at the record that absorbed it.
ALTER TABLE contacts ADD COLUMN merged_into uuid;

-- value is normalised: emails lower-cased, phones E.164, social "network:handle",
-- external ids "system:id". source says where the identity came from: 'record' for the
-- ones derived from the person's own fields (rebuilt on every change), anything else
-- (an integration's name, 'api', 'import') for identities added through the identity API.
CREATE TABLE contact_identities (
  workspace_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('email', 'phone', 'social', 'external_id')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, contact_id, kind, value),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_identities_value_idx ON contact_identities (workspace_id, kind, value);

-- Blocking keys: only people sharing a key are ever compared. Rebuilt from the record by
-- the identity consumer and by the full scan; 'e:' email, 'p:' phone, 'n:' phonetic full
-- name, 'i:' phonetic surname + first initial, 'c:' company + phonetic first name, 'x:' external id.
CREATE TABLE identity_match_keys (
  workspace_id uuid NOT NULL,
  key text COLLATE "C" NOT NULL,
  contact_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, key, contact_id)
);
CREATE INDEX identity_match_keys_contact_idx ON identity_match_keys (workspace_id, contact_id);

-- Candidate pairs, ordered (contact_a < contact_b) so a pair is stored once.
CREATE TABLE duplicate_candidates (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  contact_a uuid NOT NULL,
  contact_b uuid NOT NULL,
  score real NOT NULL CHECK (score >= 0 AND score <= 1),
  reasons jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed', 'distinct')),
  detected_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by uuid,
  PRIMARY KEY (workspace_id, contact_a, contact_b),
  UNIQUE (workspace_id, id),
  CHECK (contact_a < contact_b)
);
CREATE INDEX duplicate_candidates_queue_idx ON duplicate_candidates (workspace_id, score DESC, id) WHERE status = 'open';
CREATE INDEX duplicate_candidates_b_idx ON duplicate_candidates (workspace_id, contact_b);

-- One merge: the two records as they were (undo restores them exactly) and, per merge
-- participant, what it moved from the merged record to the survivor.
CREATE TABLE contact_merges (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  survivor_id uuid NOT NULL,
  merged_id uuid NOT NULL,
  fields jsonb NOT NULL DEFAULT '{}',
  survivor_before jsonb NOT NULL,
  merged_before jsonb NOT NULL,
  moved jsonb NOT NULL DEFAULT '{}',
  candidate_id uuid,
  automatic boolean NOT NULL DEFAULT false,
  merged_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  undone_by uuid,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX contact_merges_recent_idx ON contact_merges (workspace_id, created_at DESC, id);
CREATE INDEX contact_merges_survivor_idx ON contact_merges (workspace_id, survivor_id);
CREATE INDEX contact_merges_merged_idx ON contact_merges (workspace_id, merged_id);

-- Per-workspace rules. Both automatic merges are off until an administrator turns them on.
CREATE TABLE identity_settings (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  auto_merge_threshold real CHECK (auto_merge_threshold IS NULL OR (auto_merge_threshold >= 0.5 AND auto_merge_threshold <= 1)),
  auto_merge_exact_email boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (workspace_id)
);

-- Full detection runs, with progress, resumable by the job queue's retry.
CREATE TABLE duplicate_scans (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  phase text NOT NULL DEFAULT 'keys',
  processed bigint NOT NULL DEFAULT 0,
  total bigint NOT NULL DEFAULT 0,
  pairs bigint NOT NULL DEFAULT 0,
  candidates bigint NOT NULL DEFAULT 0,
  error text,
  requested_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX duplicate_scans_recent_idx ON duplicate_scans (workspace_id, created_at DESC);

-- Backfill: the identities of existing people from their own fields. Blocking keys need
-- the application's name rules (nicknames, transliteration, phonetics): the identity
-- consumer and the full scan build them.
INSERT INTO contact_identities (workspace_id, contact_id, kind, value, source)
SELECT workspace_id, id, 'email', e, 'record' FROM contacts, unnest(emails) AS e WHERE deleted_at IS NULL
UNION
SELECT workspace_id, id, 'phone', p, 'record' FROM contacts, unnest(phones) AS p WHERE deleted_at IS NULL
UNION
SELECT workspace_id, id, 'social', s.key || ':' || lower(s.value), 'record'
  FROM contacts, jsonb_each_text(social) AS s WHERE deleted_at IS NULL AND s.value <> ''
ON CONFLICT DO NOTHING;

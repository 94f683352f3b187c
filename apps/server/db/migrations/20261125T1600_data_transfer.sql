-- Data in and out: imports of people from CSV files, run as resumable jobs.
--
-- An import's position (`rows_done`) and counters advance in the same transaction as the
-- rows of each batch, so a job that stops anywhere resumes at the first row not applied.

CREATE TABLE imports (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  object_type text NOT NULL CHECK (object_type IN ('contact')),
  status text NOT NULL CHECK (status IN ('uploaded', 'queued', 'running', 'completed', 'failed', 'undone')),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  storage_key text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  encoding text NOT NULL,
  delimiter text NOT NULL,
  headers jsonb NOT NULL,
  -- The first rows of the file as read (the preview is computed from them with the mapping).
  sample jsonb NOT NULL,
  mapping jsonb NOT NULL,
  suggested_mapping jsonb NOT NULL,
  match_by text NOT NULL DEFAULT 'email' CHECK (match_by IN ('email', 'phone')),
  on_match text NOT NULL DEFAULT 'update' CHECK (on_match IN ('update', 'skip', 'create')),
  dry_run boolean NOT NULL DEFAULT false,
  -- Who uploaded and who the job acts as: rights are those of the starter at start time.
  created_by_type text NOT NULL,
  created_by_id uuid,
  principal jsonb,
  rows_done bigint NOT NULL DEFAULT 0,
  created_count bigint NOT NULL DEFAULT 0,
  updated_count bigint NOT NULL DEFAULT 0,
  skipped_count bigint NOT NULL DEFAULT 0,
  failed_count bigint NOT NULL DEFAULT 0,
  -- Time spent applying batches (rows/s without the time the job waited in the queue).
  busy_ms bigint NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  undone_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX imports_created_idx ON imports (workspace_id, created_at DESC);
CREATE INDEX imports_sha_idx ON imports (workspace_id, sha256);

-- What each applied row did, for undo: 'c' created a record, 'u' updated one (with the
-- values before), for people ('p') and the companies created for them ('c').
CREATE TABLE import_rows (
  workspace_id uuid NOT NULL,
  import_id uuid NOT NULL,
  entity_type char(1) NOT NULL CHECK (entity_type IN ('p', 'c')),
  entity_id uuid NOT NULL,
  action char(1) NOT NULL CHECK (action IN ('c', 'u')),
  row_number bigint NOT NULL,
  before jsonb,
  PRIMARY KEY (workspace_id, import_id, entity_type, entity_id),
  FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, id) ON DELETE CASCADE
);

-- The identity keys (normalised emails or phones) seen so far in the file, so a person who
-- appears twice in one file becomes one record even when matching is off or in a dry run.
CREATE TABLE import_keys (
  workspace_id uuid NOT NULL,
  import_id uuid NOT NULL,
  key text NOT NULL,
  entity_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, import_id, key),
  FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, id) ON DELETE CASCADE
);

-- The error report: row number as a spreadsheet shows it (the header is row 1).
CREATE TABLE import_errors (
  workspace_id uuid NOT NULL,
  import_id uuid NOT NULL,
  row_number bigint NOT NULL,
  seq integer NOT NULL,
  column_name text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (workspace_id, import_id, row_number, seq),
  FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, id) ON DELETE CASCADE
);

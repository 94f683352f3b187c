-- Customer data: people (contacts), companies, their links, custom fields, interactions,
-- documents, saved views, notifications, and the search index.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Search keys are lower-cased and unaccented; unaccent() is only STABLE, so wrap it with a
-- fixed dictionary to use it in indexes and generated columns.
CREATE FUNCTION rapport_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE custom_field_definitions (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  object_type text NOT NULL CHECK (object_type IN ('contact', 'company')),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('text', 'long_text', 'number', 'money', 'date', 'boolean', 'select', 'multi_select', 'url', 'email', 'phone')),
  options jsonb NOT NULL DEFAULT '[]',
  required boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, object_type, key)
);

CREATE TABLE companies (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  name_key text GENERATED ALWAYS AS (rapport_fold(name)) STORED,
  domain citext,
  industry text,
  size text,
  employees integer CHECK (employees >= 0),
  region text,
  country char(2),
  phones text[] NOT NULL DEFAULT '{}',
  addresses jsonb NOT NULL DEFAULT '[]',
  social jsonb NOT NULL DEFAULT '{}',
  lifecycle_stage text NOT NULL DEFAULT 'lead',
  source text,
  owner_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  notes text,
  custom jsonb NOT NULL DEFAULT '{}',
  last_interaction_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX companies_name_idx ON companies (workspace_id, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX companies_updated_idx ON companies (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX companies_domain_idx ON companies (workspace_id, domain) WHERE deleted_at IS NULL;
CREATE INDEX companies_owner_idx ON companies (workspace_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX companies_deleted_idx ON companies (workspace_id, deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX companies_tags_idx ON companies USING gin (tags);

CREATE TABLE contacts (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  first_name text NOT NULL DEFAULT '' CHECK (length(first_name) <= 200),
  last_name text NOT NULL DEFAULT '' CHECK (length(last_name) <= 200),
  name text GENERATED ALWAYS AS (btrim(first_name || ' ' || last_name)) STORED,
  name_key text GENERATED ALWAYS AS (rapport_fold(btrim(first_name || ' ' || last_name))) STORED,
  last_name_key text GENERATED ALWAYS AS (rapport_fold(last_name)) STORED,
  title text,
  emails text[] NOT NULL DEFAULT '{}',
  phones text[] NOT NULL DEFAULT '{}',
  addresses jsonb NOT NULL DEFAULT '[]',
  social jsonb NOT NULL DEFAULT '{}',
  lifecycle_stage text NOT NULL DEFAULT 'lead',
  source text,
  owner_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  notes text,
  custom jsonb NOT NULL DEFAULT '{}',
  last_interaction_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  CHECK (first_name <> '' OR last_name <> '')
);
-- Keyset-paginated lists: one index per common sort, live rows only. Ascending indexes
-- also serve descending sorts (scanned backwards; the id tie-breaker follows the direction).
CREATE INDEX contacts_name_idx ON contacts (workspace_id, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_last_name_idx ON contacts (workspace_id, last_name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_updated_idx ON contacts (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_created_idx ON contacts (workspace_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_stage_name_idx ON contacts (workspace_id, lifecycle_stage, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_owner_name_idx ON contacts (workspace_id, owner_id, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_last_interaction_idx ON contacts (workspace_id, last_interaction_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_deleted_idx ON contacts (workspace_id, deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX contacts_tags_idx ON contacts USING gin (tags);
CREATE INDEX contacts_emails_idx ON contacts USING gin (emails);

CREATE TABLE contact_companies (
  workspace_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  company_id uuid NOT NULL,
  role text,
  is_primary boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, contact_id, company_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_companies_company_idx ON contact_companies (workspace_id, company_id, contact_id);
CREATE UNIQUE INDEX contact_companies_one_primary ON contact_companies (workspace_id, contact_id) WHERE is_primary;

-- The search index, kept in the same transaction as the record: one row per (token, record).
-- Tokens are folded words of names, emails, phones, domains, tags and text custom fields.
-- COLLATE "C" makes prefix matches (LIKE 'abc%') index range scans under any database locale.
CREATE TABLE search_tokens (
  workspace_id uuid NOT NULL,
  token text COLLATE "C" NOT NULL,
  entity_type char(1) NOT NULL, -- 'p' person, 'c' company
  entity_id uuid NOT NULL,
  field char(1) NOT NULL, -- 'n' name, 'e' email, 'p' phone, 'd' domain, 't' tag, 'x' other text
  PRIMARY KEY (workspace_id, token, entity_type, entity_id, field)
);
CREATE INDEX search_tokens_entity_idx ON search_tokens (workspace_id, entity_type, entity_id);
-- Distinct name tokens per workspace: small (tens of thousands at a million people), so typo
-- rescue by trigram similarity searches this table, not the records.
CREATE TABLE search_vocabulary (
  workspace_id uuid NOT NULL,
  token text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, token)
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (token gin_trgm_ops);

CREATE TABLE interactions (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('note', 'call', 'meeting', 'email', 'chat', 'social', 'visit', 'form', 'purchase', 'survey')),
  occurred_at timestamptz NOT NULL,
  subject text CHECK (length(subject) <= 500),
  body text CHECK (length(body) <= 100000),
  direction text CHECK (direction IN ('inbound', 'outbound')),
  duration_seconds integer CHECK (duration_seconds >= 0),
  outcome text,
  ends_at timestamptz,
  location text,
  channel_ref text,
  author_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);

CREATE INDEX interactions_recent_idx ON interactions (workspace_id, occurred_at DESC, id) WHERE deleted_at IS NULL;

-- Who an interaction is about: the timeline of a person or a company reads this index only.
CREATE TABLE interaction_links (
  workspace_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  entity_type char(1) NOT NULL, -- 'p' person, 'c' company
  entity_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  type text NOT NULL,
  PRIMARY KEY (workspace_id, entity_type, entity_id, interaction_id),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX interaction_links_timeline_idx ON interaction_links (workspace_id, entity_type, entity_id, occurred_at DESC, interaction_id);
CREATE INDEX interaction_links_interaction_idx ON interaction_links (workspace_id, interaction_id);

CREATE TABLE interaction_attendees (
  workspace_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, interaction_id, user_id),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE documents (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  entity_type char(1) NOT NULL,
  entity_id uuid NOT NULL,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX documents_entity_idx ON documents (workspace_id, entity_type, entity_id, created_at DESC);

CREATE TABLE saved_views (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  object_type text NOT NULL CHECK (object_type IN ('contact', 'company')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  owner_id uuid NOT NULL,
  shared boolean NOT NULL DEFAULT false,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX saved_views_owner_idx ON saved_views (workspace_id, object_type, owner_id);

CREATE TABLE notifications (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  entity_type text,
  entity_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX notifications_user_idx ON notifications (workspace_id, user_id, created_at DESC);

-- Phones typed without a country code are read as numbers of this country.
ALTER TABLE workspaces ADD COLUMN default_country char(2) NOT NULL DEFAULT 'US' CHECK (default_country ~ '^[A-Z]{2}$');

-- Foundation: tenants, identity and access, the event outbox, the audit trail, idempotency.
-- Every tenant table starts its primary key, unique indexes and foreign keys with workspace_id
-- so that it can be distributed by workspace (Citus) and so no query can forget the tenant.
-- Privileges: rapport_runtime (the role the application logs in through) gets DML by default;
-- append-only tables revoke UPDATE and DELETE explicitly below.

CREATE EXTENSION IF NOT EXISTS citext;

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rapport_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO rapport_runtime;
GRANT USAGE ON SCHEMA public TO rapport_runtime;

CREATE TABLE workspaces (
  id uuid PRIMARY KEY,
  slug citext NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  default_currency char(3) NOT NULL DEFAULT 'USD',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  email citext NOT NULL CHECK (email = lower(email::text)),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'member', 'read_only')),
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, email)
);
-- Sign-in starts from an email alone, before the workspace is known.
CREATE INDEX users_email_idx ON users (email);

CREATE TABLE teams (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, name)
);

CREATE TABLE team_members (
  workspace_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, team_id, user_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX team_members_user_idx ON team_members (workspace_id, user_id);

CREATE TABLE sessions (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip inet,
  user_agent text,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, token_hash),
  FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE api_keys (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'member', 'read_only')),
  secret_hash bytea NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);

-- Failed sign-ins per account and per address, for throttling. Not tenant data.
CREATE TABLE sign_in_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

-- The outbox. txid orders events by commit visibility: consumers only read events whose
-- transaction id is below the oldest transaction still running, so a slow transaction's
-- events are never skipped by a cursor that has moved past them.
CREATE TABLE domain_events (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  type text NOT NULL,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
  actor_id uuid,
  payload jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX domain_events_order_idx ON domain_events (txid, seq);
CREATE INDEX domain_events_entity_idx ON domain_events (workspace_id, entity_type, entity_id, seq);

-- Wake listeners (realtime stream, event processors) when events commit.
CREATE FUNCTION notify_domain_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rapport_events', '');
  RETURN NULL;
END $$;
CREATE TRIGGER domain_events_notify AFTER INSERT ON domain_events
  FOR EACH STATEMENT EXECUTE FUNCTION notify_domain_event();

CREATE TABLE event_consumers (
  name text PRIMARY KEY,
  last_txid xid8 NOT NULL DEFAULT '0',
  last_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Audit trail: one row per changed field. The application role may append and read only.
CREATE TABLE audit_log (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  event_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  field text NOT NULL DEFAULT '',
  old_value jsonb,
  new_value jsonb,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, event_id, field)
);
CREATE INDEX audit_log_entity_idx ON audit_log (workspace_id, entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_log_time_idx ON audit_log (workspace_id, occurred_at DESC, id DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM rapport_runtime;

-- Idempotency-Key: the stored response is written in the same transaction as the effect.
CREATE TABLE idempotency_keys (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  principal_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, principal_id, key)
);
CREATE INDEX idempotency_keys_age_idx ON idempotency_keys (created_at);

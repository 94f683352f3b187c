-- Tasks: to-dos with a due date or time, an assignee, an optional linked record and reminder;
-- time zones for users and workspaces (grouping "today" and the calendar feed); the secret
-- iCalendar feed of each user. See docs/decisions/0011-task-due-dates-and-calendar-feeds.md.

-- Time zones are IANA names from an allow-list checked by the application. A user without
-- one follows the workspace's.
ALTER TABLE workspaces ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC' CHECK (length(time_zone) BETWEEN 1 AND 64);
ALTER TABLE users ADD COLUMN time_zone text CHECK (length(time_zone) BETWEEN 1 AND 64);

CREATE TABLE tasks (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  notes text CHECK (length(notes) <= 20000),
  -- An all-day task is due on a calendar date (the same date in every time zone); a timed
  -- task at an instant. At most one of them.
  due_on date,
  due_at timestamptz,
  -- One ordering key for both kinds: a date sorts as its midnight UTC.
  due_key timestamptz GENERATED ALWAYS AS (coalesce(due_at, due_on::timestamp AT TIME ZONE 'UTC')) STORED,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  priority_rank smallint GENERATED ALWAYS AS (
    CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END) STORED,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  completed_at timestamptz,
  assignee_id uuid NOT NULL,
  creator_id uuid,
  -- The record the task is about: a registered type (contact, company, later deal …) and id.
  linked_type text CHECK (linked_type ~ '^[a-z][a-z_]{0,39}$'),
  linked_id uuid,
  -- What created the task when it was not a person (e.g. a playbook step).
  source_type text CHECK (source_type ~ '^[a-z][a-z_]{0,39}$'),
  source_id uuid,
  remind_at timestamptz,
  reminded_at timestamptz,
  -- Bumped on every change: the SEQUENCE of the task's calendar event.
  revision integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, assignee_id) REFERENCES users (workspace_id, id),
  FOREIGN KEY (workspace_id, creator_id) REFERENCES users (workspace_id, id),
  CHECK (due_on IS NULL OR due_at IS NULL),
  CHECK ((linked_type IS NULL) = (linked_id IS NULL)),
  CHECK ((source_type IS NULL) = (source_id IS NULL)),
  CHECK ((status = 'done') = (completed_at IS NOT NULL))
);
-- My tasks, the calendar feed and the overdue badge: one assignee's open tasks by due date.
CREATE INDEX tasks_assignee_due_idx ON tasks (workspace_id, assignee_id, status, due_key, id);
-- Lists sorted by due date or creation.
CREATE INDEX tasks_due_idx ON tasks (workspace_id, due_key, id);
CREATE INDEX tasks_created_idx ON tasks (workspace_id, created_at, id);
-- The tasks panel of a record.
CREATE INDEX tasks_linked_idx ON tasks (workspace_id, linked_type, linked_id, status, due_key);
-- Tasks created by the same source (playbooks look them up).
CREATE INDEX tasks_source_idx ON tasks (workspace_id, source_type, source_id) WHERE source_type IS NOT NULL;
-- The reminder job scans all workspaces for reminders that are due and not sent yet.
CREATE INDEX tasks_reminder_due_idx ON tasks (remind_at) WHERE reminded_at IS NULL AND status = 'open';

-- One secret calendar feed per user. Only the SHA-256 of the token's secret is kept: the
-- URL is shown once; rotating replaces it, revoking deletes the row.
CREATE TABLE calendar_feeds (
  workspace_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  PRIMARY KEY (workspace_id, user_id),
  UNIQUE (workspace_id, token_hash),
  FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id) ON DELETE CASCADE
);

-- Forecast, quotas and sales metrics (issue 5 items 6–7). See docs/decisions/0016.
--
-- The forecast module never reads the deals tables directly: it reads the three views below,
-- which belong to the deals module (their columns are its promise to readers; a change to
-- the deals tables keeps them). The indexes on deals tables serve exactly these read paths.

-- Per workspace: the time zone in which forecast periods start and end (a month is the
-- calendar month there). Absent row: UTC.
CREATE TABLE forecast_settings (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  time_zone text NOT NULL DEFAULT 'UTC' CHECK (length(time_zone) BETWEEN 1 AND 64),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id)
);

-- A sales target for one rep (user) or one team over one month or quarter, in one currency.
CREATE TABLE quotas (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  target_type text NOT NULL CHECK (target_type IN ('user', 'team')),
  user_id uuid,
  team_id uuid,
  period_kind text NOT NULL CHECK (period_kind IN ('month', 'quarter')),
  -- The first day of the month or quarter.
  period_start date NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  CHECK ((target_type = 'user') = (user_id IS NOT NULL) AND (target_type = 'team') = (team_id IS NOT NULL)),
  CHECK (period_kind = 'month' AND extract(day FROM period_start) = 1
      OR period_kind = 'quarter' AND extract(day FROM period_start) = 1 AND extract(month FROM period_start) IN (1, 4, 7, 10)),
  FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);
-- One target per rep or team, period and currency.
CREATE UNIQUE INDEX quotas_user_period_idx ON quotas (workspace_id, user_id, period_kind, period_start, currency) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX quotas_team_period_idx ON quotas (workspace_id, team_id, period_kind, period_start, currency) WHERE team_id IS NOT NULL;
CREATE INDEX quotas_period_idx ON quotas (workspace_id, period_start, period_kind);

-- ── Views owned by the deals module ─────────────────────────────────────────────────────

-- Live deals with their stage's probability, name and kind.
CREATE VIEW deal_forecast_facts AS
SELECT d.workspace_id, d.id AS deal_id, d.name, d.pipeline_id, d.stage_id, s.name AS stage_name, s.position AS stage_position,
       s.probability, d.status, d.amount_minor, d.currency, d.expected_close_date, d.closed_at, d.created_at, d.owner_id, d.region
  FROM deals d
  JOIN pipeline_stages s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
 WHERE d.deleted_at IS NULL;

-- The forecast-relevant history of live deals (one row per snapshot), with the deal's
-- current owner (visibility is decided on today's owner).
CREATE VIEW deal_snapshot_facts AS
SELECT sn.workspace_id, sn.deal_id, sn.recorded_at, sn.status, sn.amount_minor, sn.currency, sn.probability,
       sn.expected_close_date, d.owner_id, d.region
  FROM deal_snapshots sn
  JOIN deals d ON d.workspace_id = sn.workspace_id AND d.id = sn.deal_id
 WHERE d.deleted_at IS NULL;

-- Each stay of a live deal in a stage, with the stage's order and kind.
CREATE VIEW deal_stage_period_facts AS
SELECT p.workspace_id, p.deal_id, p.pipeline_id, p.stage_id, s.name AS stage_name, s.position AS stage_position, s.kind AS stage_kind,
       p.entered_at, p.left_at, d.owner_id
  FROM deal_stage_periods p
  JOIN pipeline_stages s ON s.workspace_id = p.workspace_id AND s.id = p.stage_id
  JOIN deals d ON d.workspace_id = p.workspace_id AND d.id = p.deal_id
 WHERE d.deleted_at IS NULL;

-- The forecast of a period reads open deals by expected close date and closed deals by
-- closing time, each from one covering index (index-only scans over a quarter's deals).
CREATE INDEX deals_forecast_open_idx ON deals (workspace_id, expected_close_date)
  INCLUDE (stage_id, owner_id, currency, amount_minor, region) WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX deals_forecast_closed_idx ON deals (workspace_id, closed_at)
  INCLUDE (status, stage_id, owner_id, currency, amount_minor, region, created_at) WHERE deleted_at IS NULL AND closed_at IS NOT NULL;
-- Accuracy: the deals whose history ever expected them to close in a period.
CREATE INDEX deal_snapshots_close_idx ON deal_snapshots (workspace_id, expected_close_date, deal_id);
-- Stage conversion: the stays that began in a period.
CREATE INDEX deal_stage_periods_entered_idx ON deal_stage_periods (workspace_id, entered_at);

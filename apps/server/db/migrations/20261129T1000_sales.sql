-- Sales: pipelines and their stages, products with a price per currency, deals with their
-- contacts, line items, stage periods and history snapshots. See docs/decisions/0010.

CREATE TABLE pipelines (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position integer NOT NULL DEFAULT 0,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE pipeline_stages (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  pipeline_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  position integer NOT NULL,
  probability smallint NOT NULL CHECK (probability BETWEEN 0 AND 100),
  -- An open deal that stays longer than this in the stage is flagged as rotting.
  rotting_days integer CHECK (rotting_days BETWEEN 1 AND 3650),
  kind text NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  -- Lets deals reference (pipeline, stage) together, so a deal's stage is always one of its pipeline's.
  UNIQUE (workspace_id, pipeline_id, id),
  FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX pipeline_stages_order_idx ON pipeline_stages (workspace_id, pipeline_id, position);

CREATE TABLE products (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
  code_key text GENERATED ALWAYS AS (lower(code)) STORED,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  name_key text GENERATED ALWAYS AS (rapport_fold(name)) STORED,
  product_line text,
  description text CHECK (length(description) <= 10000),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code_key)
);
CREATE INDEX products_name_idx ON products (workspace_id, name_key, id);

-- The price list: one unit price per currency per product.
CREATE TABLE product_prices (
  workspace_id uuid NOT NULL,
  product_id uuid NOT NULL,
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  PRIMARY KEY (workspace_id, product_id, currency),
  FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE deals (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  name_key text GENERATED ALWAYS AS (rapport_fold(name)) STORED,
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  -- Manual order of the cards within a stage (fractional: a move writes one row).
  board_rank double precision NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  lost_reason text CHECK (length(lost_reason) <= 500),
  closed_at timestamptz,
  amount_minor bigint NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- True when line items compute the amount.
  has_line_items boolean NOT NULL DEFAULT false,
  expected_close_date date,
  owner_id uuid,
  company_id uuid,
  source text,
  campaign text,
  region text,
  -- When the deal entered its current stage, and when it starts rotting there (derived from
  -- the stage's rotting_days; kept on the row so the board and the filter need no join).
  stage_entered_at timestamptz NOT NULL DEFAULT now(),
  rots_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, pipeline_id, stage_id) REFERENCES pipeline_stages (workspace_id, pipeline_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id) ON DELETE SET NULL (company_id)
);
-- The board: the cards of a stage in their order, and the per-stage totals (index-only).
CREATE INDEX deals_board_idx ON deals (workspace_id, pipeline_id, stage_id, board_rank, id)
  INCLUDE (amount_minor, currency, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX deals_name_idx ON deals (workspace_id, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX deals_name_trgm_idx ON deals USING gin (name_key gin_trgm_ops);
CREATE INDEX deals_updated_idx ON deals (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX deals_created_idx ON deals (workspace_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX deals_amount_idx ON deals (workspace_id, amount_minor, id) WHERE deleted_at IS NULL;
CREATE INDEX deals_close_idx ON deals (workspace_id, expected_close_date, id) WHERE deleted_at IS NULL;
CREATE INDEX deals_owner_idx ON deals (workspace_id, owner_id, status) WHERE deleted_at IS NULL;
CREATE INDEX deals_company_idx ON deals (workspace_id, company_id, status) WHERE deleted_at IS NULL;
CREATE INDEX deals_rots_idx ON deals (workspace_id, rots_at) WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX deals_deleted_idx ON deals (workspace_id, deleted_at, id) WHERE deleted_at IS NOT NULL;

CREATE TABLE deal_contacts (
  workspace_id uuid NOT NULL,
  deal_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  role text CHECK (length(role) <= 100),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, deal_id, contact_id),
  FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX deal_contacts_contact_idx ON deal_contacts (workspace_id, contact_id, deal_id);

CREATE TABLE deal_line_items (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  product_id uuid NOT NULL,
  position integer NOT NULL,
  -- Quantity in thousandths (1.5 units = 1500): line arithmetic stays in integers.
  quantity_milli bigint NOT NULL CHECK (quantity_milli > 0),
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  -- Percent in basis points (12.5 % = 1250), or null when the discount is an amount.
  discount_bp integer CHECK (discount_bp BETWEEN 0 AND 10000),
  discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
  total_minor bigint NOT NULL CHECK (total_minor >= 0),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id)
);
CREATE INDEX deal_line_items_deal_idx ON deal_line_items (workspace_id, deal_id, position);
CREATE INDEX deal_line_items_product_idx ON deal_line_items (workspace_id, product_id);

-- One row per stay of a deal in a stage.
CREATE TABLE deal_stage_periods (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  entered_at timestamptz NOT NULL,
  left_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, pipeline_id, stage_id) REFERENCES pipeline_stages (workspace_id, pipeline_id, id)
);
CREATE INDEX deal_stage_periods_deal_idx ON deal_stage_periods (workspace_id, deal_id, entered_at);
CREATE INDEX deal_stage_periods_stage_idx ON deal_stage_periods (workspace_id, stage_id, entered_at);

-- What the forecast depended on, each time it changed: a snapshot is appended at creation
-- and at every change of stage, status, amount, currency, probability or expected close
-- date. A deal's state at any past moment is its latest snapshot at or before it.
CREATE TABLE deal_snapshots (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  amount_minor bigint NOT NULL,
  currency char(3) NOT NULL,
  probability smallint NOT NULL,
  expected_close_date date,
  changed text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX deal_snapshots_deal_idx ON deal_snapshots (workspace_id, deal_id, recorded_at);
CREATE INDEX deal_snapshots_time_idx ON deal_snapshots (workspace_id, recorded_at);

-- Playbooks: per pipeline, guidance and steps per stage (the global version) and regional
-- variants that override, add or remove steps; and the tasks the steps created for deals.
-- See docs/decisions/0017-playbooks-as-documents.md.

-- A playbook's stages are one validated JSON document ([{stageId, guidance, sequential,
-- steps:[{key,title,description,dueInDays}]}]): it is edited, resolved and exported as a whole.
CREATE TABLE playbooks (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  pipeline_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  stages jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(stages) = 'array'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  -- One playbook per pipeline: a deal's playbook is its pipeline's.
  UNIQUE (workspace_id, pipeline_id),
  FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines (workspace_id, id) ON DELETE CASCADE
);

-- A variant's stages are its changes ([{stageId, guidance|null, sequential|null, steps, removeStepKeys}]).
CREATE TABLE playbook_variants (
  workspace_id uuid NOT NULL,
  playbook_id uuid NOT NULL,
  region text NOT NULL CHECK (region ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  stages jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(stages) = 'array'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, playbook_id, region),
  FOREIGN KEY (workspace_id, playbook_id) REFERENCES playbooks (workspace_id, id) ON DELETE CASCADE
);

-- The task each step created for one stay of a deal in a stage. The unique key is what makes
-- the automation idempotent: an event delivered twice, or two events for the same stay,
-- create one task per step. No foreign key to tasks: the tasks module owns their lifecycle
-- (a deleted task shows as deleted on the deal's playbook).
CREATE TABLE playbook_step_tasks (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  -- Which stay: the deal's stage_entered_at when it entered the stage.
  stage_entered_at timestamptz NOT NULL,
  step_key text NOT NULL,
  task_id uuid NOT NULL,
  -- The task's state as its events report it (task.completed / reopened / deleted), so the
  -- deal's playbook shows progress without reading the tasks module's table.
  task_status text NOT NULL DEFAULT 'open' CHECK (task_status IN ('open', 'done', 'deleted')),
  due_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, deal_id, stage_id, stage_entered_at, step_key),
  FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id) ON DELETE CASCADE
);
-- task.completed and friends find the row by the task.
CREATE INDEX playbook_step_tasks_task_idx ON playbook_step_tasks (workspace_id, task_id);

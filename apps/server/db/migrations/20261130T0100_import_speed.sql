-- Imports of people can match existing people by an external id (issue 4 item 3): a column
-- mapped to "External ID" finds the person who already holds that identity.
ALTER TABLE imports DROP CONSTRAINT imports_match_by_check;
ALTER TABLE imports ADD CONSTRAINT imports_match_by_check CHECK (match_by IN ('email', 'phone', 'externalId'));

-- The search tokens of the people an import created or updated are written after its rows
-- are applied, in large sorted chunks (decision 0022): `rows_applied_at` says when every row
-- was applied, `indexed_through` how far (by person id, through `import_rows`) the tokens
-- are written, `indexed_count` how many people that is, `searchable_at` when all are.
ALTER TABLE imports ADD COLUMN rows_applied_at timestamptz;
ALTER TABLE imports ADD COLUMN indexed_through uuid;
ALTER TABLE imports ADD COLUMN indexed_count bigint NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN searchable_at timestamptz;
-- Imports that ran before wrote their tokens with their rows.
UPDATE imports SET rows_applied_at = finished_at, searchable_at = finished_at WHERE finished_at IS NOT NULL AND NOT dry_run;

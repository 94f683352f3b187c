-- Imports of people can match existing people by an external id (issue 4 item 3): a column
-- mapped to "External ID" finds the person who already holds that identity.
ALTER TABLE imports DROP CONSTRAINT imports_match_by_check;
ALTER TABLE imports ADD CONSTRAINT imports_match_by_check CHECK (match_by IN ('email', 'phone', 'externalId'));

-- A duplicate scan writes a match key per identity of every person (millions at a million
-- people) and then plans the blocking join over them. Planned with the table's old statistics
-- (empty, before autovacuum's first pass), that join ran for over 20 minutes instead of
-- seconds, so the scan analyses the table first. ANALYZE needs the MAINTAIN privilege
-- (PostgreSQL 17+); on older servers the scan's ANALYZE is skipped and autovacuum catches up.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 170000 THEN
    EXECUTE 'GRANT MAINTAIN ON identity_match_keys TO rapport_runtime';
  END IF;
END $$;

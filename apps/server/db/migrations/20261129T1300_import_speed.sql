-- Imports write hundreds of thousands of people in minutes. Until autovacuum next analyses the
-- tables, the planner would plan for their old size (an empty link table planned as one is a
-- sequential scan per person), so the import refreshes the statistics of the tables it grew.
-- ANALYZE needs the MAINTAIN privilege (PostgreSQL 17+); on older servers the import's
-- ANALYZE only warns and autovacuum does the job later.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 170000 THEN
    EXECUTE 'GRANT MAINTAIN ON contacts, contact_companies, companies, search_tokens TO rapport_runtime';
  END IF;
END $$;

-- Read speed, second pass (issue 3, decision 0019): each server copy keeps every searched
-- workspace's vocabulary of name words in memory for prefix and typo candidates. The
-- vocabulary only grows; this trigger tells every copy (on the cache channel of decision 0014)
-- which words a statement added, or, when it added many (an import, a seed), only which
-- workspace, so the copies reload it.
CREATE FUNCTION notify_vocabulary_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT workspace_id, count(*) AS n, (array_agg(token))[1:20] AS tokens FROM added GROUP BY workspace_id LOOP
    PERFORM pg_notify('rapport_cache', 'vocabulary:' || r.workspace_id ||
      CASE WHEN r.n > 20 THEN '' ELSE ':' || array_to_string(r.tokens, ' ') END);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER search_vocabulary_cache AFTER INSERT ON search_vocabulary
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION notify_vocabulary_added();

-- Verified API keys are trusted for a few seconds per copy; a revocation (or any change to a
-- key other than its last-use time, or its deletion) tells every copy to drop the
-- workspace's keys at once.
CREATE TRIGGER api_keys_cache AFTER UPDATE OF revoked_at, role, secret_hash OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION notify_cache_change('api_key', 'workspace_id');

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

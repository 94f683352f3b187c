-- Decision 0030: word pairs for two-word searches (issue 3). Every unordered pair of a
-- record's distinct name and email-local words is one token '\x01<a> <b>' (field 'w'); a
-- record with more than 12 such words gets '\x02<word>' (field 'l') for each instead. The
-- application writes them with every record (modules/search/word-pairs.ts); this migration
-- derives them for the records that exist, in SQL, by the same rule.
SET LOCAL statement_timeout = 0;
SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '512MB';

-- Derives the pair (or long-record) rows of every record of a workspace from its stored
-- 'n' and 'e' tokens. Idempotent (ON CONFLICT DO NOTHING); the large seed calls it too.
CREATE FUNCTION search_pairs_backfill(p_workspace uuid) RETURNS bigint LANGUAGE sql AS $$
  WITH words AS (
    SELECT entity_type, entity_id, array_agg(DISTINCT token ORDER BY token) AS w
      FROM search_tokens
     WHERE workspace_id = p_workspace AND (field = 'n' OR (field = 'e' AND strpos(token, '@') = 0))
     GROUP BY entity_type, entity_id
  ), rows AS (
    SELECT chr(1) || w.w[i] || ' ' || w.w[j] AS token, w.entity_type, w.entity_id, 'w' AS field
      FROM words w, generate_subscripts(w.w, 1) AS i, generate_subscripts(w.w, 1) AS j
     WHERE cardinality(w.w) <= 12 AND i < j
    UNION ALL
    SELECT chr(2) || x.word, w.entity_type, w.entity_id, 'l'
      FROM words w, unnest(w.w) AS x(word)
     WHERE cardinality(w.w) > 12
  ), ins AS (
    INSERT INTO search_tokens (workspace_id, token, entity_type, entity_id, field)
    SELECT p_workspace, token, entity_type, entity_id, field FROM rows
     ORDER BY token COLLATE "C", entity_type, entity_id
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FROM ins
$$;

SELECT search_pairs_backfill(id) FROM workspaces;

-- The "rest" of the fields a query word can match besides names and email words: tags, text
-- fields, domains without a dot (company labels), and the words of records too long for
-- pairs. Small (no phones, no email addresses or domains): a two-word query reads it to
-- find the records its pairs cannot.
CREATE INDEX search_tokens_rest_idx ON search_tokens (workspace_id, token, entity_type, entity_id)
  WHERE field IN ('t', 'x', 'l') OR (field = 'd' AND strpos(token, '.') = 0);

ANALYZE search_tokens;

-- Decision 0026: a command run by the API announces its events after COMMIT, coalesced,
-- instead of a NOTIFY inside its transaction (which makes notifying transactions commit
-- one disk flush at a time). Its event insert sets rapport.events_announced; every other
-- writer (imports, jobs, the CLI, SQL) is still announced by this trigger.
CREATE OR REPLACE FUNCTION notify_domain_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rapport.events_announced', true) IS DISTINCT FROM 'on' THEN
    PERFORM pg_notify('rapport_events', '');
  END IF;
  RETURN NULL;
END $$;

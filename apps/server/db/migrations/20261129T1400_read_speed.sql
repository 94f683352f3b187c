-- Read speed (issue 3, decision 0014): each server copy caches custom field definitions and
-- workspace settings per workspace; these triggers tell every copy (through one LISTEN
-- connection each) which workspace's rows changed, whoever wrote them.
CREATE FUNCTION notify_cache_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV: the cache topic, and the column holding the workspace id.
  PERFORM pg_notify('rapport_cache',
    TG_ARGV[0] || ':' || (CASE TG_OP WHEN 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END ->> TG_ARGV[1]));
  RETURN NULL;
END $$;

CREATE TRIGGER custom_field_definitions_cache AFTER INSERT OR UPDATE OR DELETE ON custom_field_definitions
  FOR EACH ROW EXECUTE FUNCTION notify_cache_change('custom_fields', 'workspace_id');
CREATE TRIGGER workspaces_cache AFTER UPDATE OR DELETE ON workspaces
  FOR EACH ROW EXECUTE FUNCTION notify_cache_change('workspace', 'id');

-- Saved views for the deals board and list (issue 5: "filters and saved views as for people").
-- The view's definition is the same document; only the objects a view may belong to grow.
ALTER TABLE saved_views DROP CONSTRAINT saved_views_object_type_check;
ALTER TABLE saved_views ADD CONSTRAINT saved_views_object_type_check CHECK (object_type IN ('contact', 'company', 'deal'));

-- Imports of companies: an import's object type can now also be 'company'.
ALTER TABLE imports DROP CONSTRAINT imports_object_type_check;
ALTER TABLE imports ADD CONSTRAINT imports_object_type_check CHECK (object_type IN ('contact', 'company'));

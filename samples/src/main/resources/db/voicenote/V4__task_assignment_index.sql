-- "Tasks assigned to X" is a JSONB containment query (assigned_entities @> '[{"name": "X"}]'): a GIN index serves it.
CREATE INDEX idx_tasks_assigned_entities ON tasks USING gin (assigned_entities jsonb_path_ops);
-- Listings show a user's live notes newest first.
CREATE INDEX idx_notes_user_live ON notes (user_id, "timestamp" DESC) WHERE is_deleted = false;

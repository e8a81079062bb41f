-- notes.embedding vector(1536) and its ivfflat index, only where the pgvector extension is installable.
-- Without pgvector the column is left out; the rest of the schema is identical.

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        EXECUTE 'CREATE EXTENSION IF NOT EXISTS vector';
        EXECUTE 'ALTER TABLE notes ADD COLUMN embedding vector(1536)';
        EXECUTE 'CREATE INDEX idx_embedding ON notes USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100)';
    END IF;
END
$$;

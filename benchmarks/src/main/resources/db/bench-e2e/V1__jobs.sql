CREATE TABLE jobs (id bigserial PRIMARY KEY, user_id text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());

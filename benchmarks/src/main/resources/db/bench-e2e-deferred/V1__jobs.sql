CREATE TABLE users (id text PRIMARY KEY);
INSERT INTO users VALUES ('u');
CREATE TABLE jobs (id bigserial PRIMARY KEY,
                   user_id text NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
                   created_at timestamptz NOT NULL DEFAULT now());

-- Keep -> Notion sync (seeds 000 and 001): SQLAlchemy models SyncJob, SyncState, Credential, SyncLog.
-- Integer primary keys are SERIAL (SQLAlchemy's default for Integer primary keys on Postgres).

CREATE TABLE sync_jobs (
    job_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         varchar(255) NOT NULL,
    status          varchar(20)  NOT NULL DEFAULT 'queued'
                    CONSTRAINT sync_jobs_status_check CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    full_sync       boolean      NOT NULL DEFAULT false,
    total_notes     integer      NOT NULL DEFAULT 0 CHECK (total_notes >= 0),
    processed_notes integer      NOT NULL DEFAULT 0 CHECK (processed_notes >= 0),
    failed_notes    integer      NOT NULL DEFAULT 0 CHECK (failed_notes >= 0),
    error_message   text,
    created_at      timestamp    NOT NULL DEFAULT now(),
    completed_at    timestamp
);

CREATE INDEX ix_sync_jobs_user_id_created_at ON sync_jobs (user_id, created_at DESC);

CREATE TABLE sync_state (
    id               serial PRIMARY KEY,
    user_id          varchar(255) NOT NULL,
    keep_note_id     varchar(255) NOT NULL,
    notion_page_id   varchar(255),
    last_synced_at   timestamp    NOT NULL DEFAULT now(),
    keep_modified_at timestamp,
    CONSTRAINT uq_user_keep_note UNIQUE (user_id, keep_note_id)
);

CREATE TABLE credentials (
    user_id            varchar(255) PRIMARY KEY,
    google_oauth_token text,          -- Fernet ciphertext
    notion_api_token   text,          -- Fernet ciphertext
    notion_database_id varchar(255),
    updated_at         timestamp NOT NULL DEFAULT now()
);

CREATE TABLE sync_logs (
    id           serial PRIMARY KEY,
    job_id       uuid NOT NULL REFERENCES sync_jobs (job_id) ON DELETE CASCADE,
    keep_note_id varchar(255),
    level        varchar(10) NOT NULL CHECK (level IN ('INFO', 'WARNING', 'ERROR')),
    message      text NOT NULL,
    created_at   timestamp NOT NULL DEFAULT now()
);

CREATE INDEX ix_sync_logs_job_id ON sync_logs (job_id);

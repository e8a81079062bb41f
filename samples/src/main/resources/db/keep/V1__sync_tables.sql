-- Keep -> Notion sync (seeds 000 and 001): sync jobs with progress counters, the sync state of each (user, note)
-- pair, encrypted credentials and the per-job log. The seed's SQLAlchemy models, as a Flyway migration.

CREATE TABLE sync_jobs (
    job_id          uuid PRIMARY KEY,
    user_id         varchar(255) NOT NULL,
    status          varchar(20)  NOT NULL DEFAULT 'queued'
                    CONSTRAINT sync_jobs_status_check CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    full_sync       boolean      NOT NULL DEFAULT false,
    total_notes     integer      NOT NULL DEFAULT 0 CONSTRAINT sync_jobs_total_check CHECK (total_notes >= 0),
    processed_notes integer      NOT NULL DEFAULT 0 CONSTRAINT sync_jobs_processed_check CHECK (processed_notes >= 0),
    failed_notes    integer      NOT NULL DEFAULT 0 CONSTRAINT sync_jobs_failed_check CHECK (failed_notes >= 0),
    error_message   text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    completed_at    timestamptz
);

CREATE INDEX ix_sync_jobs_user_id_created_at ON sync_jobs (user_id, created_at DESC);

-- One row per (user, note): the orchestrator upserts it, so two runs racing on one note cannot duplicate it.
CREATE TABLE sync_state (
    id               bigserial PRIMARY KEY,
    user_id          varchar(255) NOT NULL,
    keep_note_id     varchar(255) NOT NULL,
    notion_page_id   varchar(255),
    last_synced_at   timestamptz  NOT NULL DEFAULT now(),
    keep_modified_at timestamptz,
    CONSTRAINT uq_user_keep_note UNIQUE (user_id, keep_note_id)
);

-- Tokens are AES-GCM ciphertexts (base64 of IV and ciphertext), never plaintext.
CREATE TABLE credentials (
    user_id            varchar(255) PRIMARY KEY,
    google_oauth_token text,
    notion_api_token   text,
    notion_database_id varchar(255),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sync_logs (
    id           bigserial PRIMARY KEY,
    job_id       uuid NOT NULL REFERENCES sync_jobs (job_id) ON DELETE CASCADE,
    keep_note_id varchar(255),
    level        varchar(10) NOT NULL CONSTRAINT sync_logs_level_check CHECK (level IN ('INFO', 'WARNING', 'ERROR')),
    message      text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_sync_logs_job_id ON sync_logs (job_id);

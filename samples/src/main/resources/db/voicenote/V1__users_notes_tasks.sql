-- VoiceNote (seed 002): users, notes, tasks with their enums and JSON columns.
-- The seed's ENUM(x) columns become Postgres enum types; JSON "DEFAULT []" becomes '[]'.

CREATE TYPE user_role AS ENUM ('STUDENT', 'TEACHER', 'DEVELOPER', 'OFFICE_WORKER', 'BUSINESS_MAN',
                               'PSYCHIATRIST', 'PSYCHOLOGIST', 'GENERIC');
CREATE TYPE priority AS ENUM ('HIGH', 'MEDIUM', 'LOW');
CREATE TYPE note_status AS ENUM ('PENDING', 'DONE', 'DELAYED');
CREATE TYPE communication_type AS ENUM ('WHATSAPP', 'SMS', 'CALL', 'MEET', 'SLACK');

CREATE TABLE users (
    id                      varchar PRIMARY KEY,
    token                   varchar,
    name                    varchar,
    email                   varchar NOT NULL UNIQUE,
    device_id               varchar,
    device_model            varchar,
    last_login              bigint,
    is_deleted              boolean DEFAULT false,
    deleted_at              bigint,
    primary_role            user_role,
    secondary_role          user_role,
    custom_role_description text,
    system_prompt           text,
    jargons                 json DEFAULT '[]',
    show_floating_button    boolean DEFAULT true,
    work_start_hour         integer DEFAULT 9,
    work_end_hour           integer DEFAULT 17,
    work_days               json DEFAULT '[2,3,4,5,6]',
    created_at              bigint,
    updated_at              bigint
);

CREATE INDEX idx_email ON users (email);

CREATE TABLE notes (
    id                  varchar PRIMARY KEY,
    user_id             varchar NOT NULL REFERENCES users (id),
    title               varchar,
    summary             text,
    transcript_groq     text,
    transcript_deepgram text,
    transcript_android  text,
    audio_url           varchar,
    raw_audio_url       varchar,
    "timestamp"         bigint,
    updated_at          bigint,
    priority            priority,
    status              note_status,
    is_deleted          boolean DEFAULT false,
    deleted_at          bigint,
    is_pinned           boolean DEFAULT false,
    is_liked            boolean DEFAULT false,
    is_archived         boolean DEFAULT false,
    is_encrypted        boolean DEFAULT false,
    document_urls       json DEFAULT '[]',
    links               json DEFAULT '[]'
);

CREATE INDEX idx_user_id ON notes (user_id);
CREATE INDEX idx_timestamp ON notes ("timestamp");
CREATE INDEX idx_status ON notes (status);

CREATE TABLE tasks (
    id                   varchar PRIMARY KEY,
    note_id              varchar NOT NULL REFERENCES notes (id),
    description          text,
    is_done              boolean DEFAULT false,
    deadline             bigint,
    priority             priority,
    is_deleted           boolean DEFAULT false,
    deleted_at           bigint,
    created_at           bigint,
    updated_at           bigint,
    notified_at          bigint,
    reminder_count       integer DEFAULT 0,
    notification_enabled boolean DEFAULT true,
    assigned_entities    jsonb DEFAULT '[]',
    image_urls           jsonb DEFAULT '[]',
    document_urls        jsonb DEFAULT '[]',
    external_links       jsonb DEFAULT '[]',
    communication_type   communication_type,
    is_action_approved   boolean DEFAULT false
);

CREATE INDEX idx_note_id ON tasks (note_id);
CREATE INDEX idx_deadline ON tasks (deadline);
CREATE INDEX idx_is_done ON tasks (is_done);

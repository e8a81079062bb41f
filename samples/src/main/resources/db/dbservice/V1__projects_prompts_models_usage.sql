-- The database service of seed 003: its core tables in the public schema. Each project also gets a schema of its
-- own (proj_<slug>) with the content, metadata and vocabulary tables, created by SchemaSetup.ensureProjectSchema.

CREATE TABLE projects (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(120) NOT NULL CONSTRAINT projects_name_key UNIQUE,
    slug        varchar(40)  NOT NULL CONSTRAINT projects_slug_key UNIQUE
                CONSTRAINT projects_slug_check CHECK (slug ~ '^[a-z][a-z0-9_]{0,39}$'),
    description text,
    settings    jsonb        NOT NULL DEFAULT '{}',
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE prompts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       varchar(120) NOT NULL,
    template   text NOT NULL,
    version    integer NOT NULL DEFAULT 1 CONSTRAINT prompts_version_check CHECK (version > 0),
    variables  jsonb NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT prompts_project_name_version_key UNIQUE (project_id, name, version)
);

CREATE TABLE object_models (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       varchar(120) NOT NULL,
    definition jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT object_models_project_name_key UNIQUE (project_id, name)
);

-- Usage is history: it names the project and prompt it was spent on, and is never cloned with them.
CREATE TABLE llm_usage (
    id                bigserial PRIMARY KEY,
    project_id        uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    prompt_id         uuid REFERENCES prompts (id) ON DELETE SET NULL,
    model             varchar(80) NOT NULL,
    prompt_tokens     integer NOT NULL CONSTRAINT llm_usage_prompt_tokens_check CHECK (prompt_tokens >= 0),
    completion_tokens integer NOT NULL CONSTRAINT llm_usage_completion_tokens_check CHECK (completion_tokens >= 0),
    cost_usd          numeric(12,6) NOT NULL CONSTRAINT llm_usage_cost_check CHECK (cost_usd >= 0),
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_llm_usage_project_id_created_at ON llm_usage (project_id, created_at);
CREATE INDEX ix_prompts_project_id ON prompts (project_id);
CREATE INDEX ix_object_models_project_id ON object_models (project_id);

-- The registry of end-to-end tests (the seed's get_active_e2e_tests), by project slug.
CREATE TABLE e2e_tests (
    id           serial PRIMARY KEY,
    name         varchar(120) NOT NULL CONSTRAINT e2e_tests_name_key UNIQUE,
    project_slug varchar(40),
    is_active    boolean NOT NULL DEFAULT true,
    config       jsonb NOT NULL DEFAULT '{}',
    last_run_at  timestamptz
);

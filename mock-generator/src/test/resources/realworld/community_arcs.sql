-- A community forum: polymorphic comments and reactions as exclusive arcs (three ways of writing
-- "exactly one of"), partial unique indexes (one primary email, one admin, soft-deleted names reusable),
-- NULLs in unique keys, one-to-one profiles.
CREATE TYPE member_role AS ENUM ('member', 'moderator', 'admin', 'owner');

CREATE TABLE users (
    id bigserial PRIMARY KEY,
    username varchar(40) NOT NULL,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_live ON users (lower(username::text)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_username_key ON users (username) WHERE deleted_at IS NULL;

CREATE TABLE user_emails (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email varchar(255) NOT NULL,
    is_primary boolean NOT NULL DEFAULT false,
    verified_at timestamptz
);
CREATE UNIQUE INDEX one_primary_email ON user_emails (user_id) WHERE is_primary;
CREATE UNIQUE INDEX user_emails_email ON user_emails (email);

CREATE TABLE profiles (
    user_id bigint PRIMARY KEY REFERENCES users (id),
    bio text,
    website varchar(200),
    avatar_url text
);

CREATE TABLE communities (
    id serial PRIMARY KEY,
    slug varchar(60) NOT NULL UNIQUE,
    title text NOT NULL,
    parent_id integer REFERENCES communities (id),
    archived boolean NOT NULL DEFAULT false
);

CREATE TABLE memberships (
    id bigserial PRIMARY KEY,
    community_id integer NOT NULL REFERENCES communities (id),
    user_id bigint NOT NULL REFERENCES users (id),
    role member_role NOT NULL DEFAULT 'member',
    admin boolean NOT NULL DEFAULT false,
    deleted_at timestamptz,
    UNIQUE (community_id, user_id)
);
CREATE UNIQUE INDEX one_admin ON memberships (admin) WHERE admin AND deleted_at IS NULL;

CREATE TABLE posts (
    id bigserial PRIMARY KEY,
    community_id integer NOT NULL REFERENCES communities (id),
    author_id bigint NOT NULL REFERENCES users (id),
    title varchar(300) NOT NULL,
    body text NOT NULL,
    pinned boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX one_pinned_post ON posts (community_id) WHERE pinned;

CREATE TABLE photos (
    id bigserial PRIMARY KEY,
    owner_id bigint NOT NULL REFERENCES users (id),
    url text NOT NULL,
    width integer NOT NULL CHECK (width > 0),
    height integer NOT NULL CHECK (height > 0)
);

CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id),
    post_id bigint REFERENCES posts (id),
    photo_id bigint REFERENCES photos (id),
    parent_comment_id bigint REFERENCES comments (id),
    body text NOT NULL,
    CONSTRAINT comment_target CHECK ((post_id IS NOT NULL) <> (photo_id IS NOT NULL))
);

CREATE TABLE reactions (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    post_id bigint REFERENCES posts (id),
    comment_id bigint REFERENCES comments (id),
    photo_id bigint REFERENCES photos (id),
    emoji varchar(16) NOT NULL,
    CONSTRAINT reaction_target CHECK (num_nonnulls(post_id, comment_id, photo_id) = 1),
    UNIQUE NULLS DISTINCT (user_id, post_id, comment_id, photo_id)
);

CREATE TABLE reports (
    id bigserial PRIMARY KEY,
    reporter_id bigint NOT NULL REFERENCES users (id),
    post_id bigint REFERENCES posts (id),
    comment_id bigint REFERENCES comments (id),
    reason text NOT NULL,
    CONSTRAINT report_target CHECK ((post_id IS NOT NULL AND comment_id IS NULL)
                                 OR (post_id IS NULL AND comment_id IS NOT NULL))
);

CREATE TABLE tags (
    id serial PRIMARY KEY,
    community_id integer REFERENCES communities (id),
    name varchar(40) NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE post_tags (
    post_id bigint NOT NULL REFERENCES posts (id),
    tag_id integer NOT NULL REFERENCES tags (id),
    PRIMARY KEY (post_id, tag_id)
);

CREATE TABLE bans (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    community_id integer REFERENCES communities (id),
    banned_until timestamptz,
    lifted_at timestamptz
);
CREATE UNIQUE INDEX one_active_ban ON bans (user_id, community_id) WHERE lifted_at IS NULL;

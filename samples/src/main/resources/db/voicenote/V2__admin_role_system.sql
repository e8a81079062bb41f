-- VoiceNote "Admin Role System (NEW)": the ADMIN role and the admin columns, added the way the app grew.

ALTER TYPE user_role ADD VALUE 'ADMIN';

ALTER TABLE users
    ADD COLUMN is_admin          boolean DEFAULT false,
    ADD COLUMN admin_permissions json    DEFAULT '{}',
    ADD COLUMN admin_created_at  bigint,
    ADD COLUMN admin_last_action bigint;

CREATE INDEX idx_is_admin ON users (is_admin) WHERE is_admin = true;

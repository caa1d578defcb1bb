-- Canonical user accounts (one row per person who can sign in).
CREATE TABLE core.users (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email               core.email_address NOT NULL,
    email_normalized    text GENERATED ALWAYS AS (lower(email::text)) STORED,
    email_verified      boolean NOT NULL DEFAULT false,
    username            varchar(100) UNIQUE,
    password_hash       text,
    first_name          varchar(100),
    last_name           varchar(100),
    display_name        varchar(255),
    avatar_url          text,
    role                text NOT NULL DEFAULT 'student'
                        CHECK (role IN ('student', 'instructor', 'admin', 'super_admin')),
    status              text NOT NULL DEFAULT 'active',
    primary_profile_id  uuid,
    preferences         jsonb NOT NULL DEFAULT '{}',
    metadata            jsonb NOT NULL DEFAULT '{}',
    last_login_at       timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_normalized_key UNIQUE (email_normalized),
    CONSTRAINT users_status_check CHECK (status IN ('active', 'suspended', 'deleted'))
);

CREATE INDEX users_status_created_idx ON core.users (status, created_at DESC);
CREATE INDEX users_last_login_idx ON core.users (last_login_at DESC) WHERE status = 'active';

CREATE TRIGGER users_set_updated_at
    BEFORE UPDATE ON core.users
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TRIGGER users_audit
    AFTER INSERT OR UPDATE OR DELETE ON core.users
    FOR EACH ROW EXECUTE FUNCTION core.record_audit_event();

COMMENT ON TABLE core.users IS 'Canonical user accounts; every other domain references core.users(id).';
COMMENT ON COLUMN core.users.email_normalized IS 'lower(email), generated; enforces case-insensitive uniqueness.';
COMMENT ON COLUMN core.users.primary_profile_id IS 'Profile shown by default; forms a deliberate FK cycle with core.profiles.user_id.';

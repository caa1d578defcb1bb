-- Authentication state: browser/app sessions and long-lived API tokens.
CREATE TABLE core.sessions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    token_hash      text NOT NULL UNIQUE,
    ip_address      inet,
    user_agent      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CONSTRAINT sessions_expiry_check CHECK (expires_at > created_at)
);

CREATE INDEX sessions_user_active_idx ON core.sessions (user_id, expires_at) WHERE revoked_at IS NULL;

COMMENT ON TABLE core.sessions IS 'Interactive sessions; only the SHA-256 of the session token is stored.';

CREATE TABLE core.api_tokens (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    name            varchar(100) NOT NULL,
    token_prefix    char(8) NOT NULL,
    token_hash      text NOT NULL,
    scopes          text[] NOT NULL DEFAULT '{}',
    last_used_at    timestamptz,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash),
    UNIQUE (user_id, name)
);

CREATE INDEX api_tokens_prefix_idx ON core.api_tokens (token_prefix);

COMMENT ON COLUMN core.api_tokens.token_prefix IS 'First 8 characters of the token, shown in the UI to identify it.';

-- A rebuildable cache: no WAL, so no crash safety needed.
CREATE UNLOGGED TABLE cache.entries (
    cache_key   text PRIMARY KEY,
    value       bytea NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX entries_expires_at_idx ON cache.entries (expires_at);

CREATE TABLE cache.stats (
    day         date PRIMARY KEY,
    hits        bigint NOT NULL DEFAULT 0
);

CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX events_kind_created_at_idx ON events (kind, created_at DESC);
CREATE UNIQUE INDEX events_lower_kind_key ON events (lower(kind)) WHERE kind <> '';

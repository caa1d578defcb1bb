-- User accounts.
CREATE SCHEMA accounts;

CREATE TABLE accounts.users (
    id              integer PRIMARY KEY,
    email           text NOT NULL,
    handle          text NOT NULL,
    first_name      text,
    last_name       text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz,
    deleted_at      timestamptz
);

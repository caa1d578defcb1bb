-- Raw signup events.
CREATE SCHEMA events;

CREATE TABLE events.signups (
    id          bigint PRIMARY KEY,
    created_at  timestamptz NOT NULL
);

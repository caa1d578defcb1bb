-- Partitioned parents: by range, by list and by hash.
CREATE SCHEMA metrics;

CREATE TABLE metrics.measurements (
    device_id   integer NOT NULL,
    taken_at    timestamptz NOT NULL,
    value       double precision,
    PRIMARY KEY (device_id, taken_at)
) PARTITION BY RANGE (taken_at);

CREATE TABLE metrics.events (
    id          bigint NOT NULL,
    region      text NOT NULL,
    payload     jsonb
) PARTITION BY LIST (region);

CREATE TABLE metrics.sessions (
    id          uuid NOT NULL,
    user_id     integer NOT NULL,
    started_at  timestamptz
) PARTITION BY HASH (user_id);

CREATE INDEX measurements_taken_at_idx ON metrics.measurements (taken_at);

-- Partitions, written before their parents.
CREATE TABLE metrics.measurements_2024 PARTITION OF metrics.measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE metrics.measurements_2025 PARTITION OF metrics.measurements
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE metrics.measurements_default PARTITION OF metrics.measurements DEFAULT;

CREATE TABLE metrics.events_eu PARTITION OF metrics.events FOR VALUES IN ('eu-west', 'eu-central');
CREATE TABLE metrics.events_us PARTITION OF metrics.events FOR VALUES IN ('us-east');
CREATE TABLE metrics.events_other PARTITION OF metrics.events DEFAULT;

CREATE TABLE metrics.sessions_p0 PARTITION OF metrics.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE metrics.sessions_p1 PARTITION OF metrics.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);

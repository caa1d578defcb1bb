CREATE TABLE activity (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE activity_2025 PARTITION OF activity FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

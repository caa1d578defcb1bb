CREATE TABLE cache_entries (key text PRIMARY KEY, value jsonb);
CREATE TABLE staging (id bigint PRIMARY KEY) WITH (fillfactor = 90, autovacuum_enabled = false);

CREATE UNLOGGED TABLE cache_entries (key text PRIMARY KEY, value jsonb);
CREATE TABLE staging (id bigint PRIMARY KEY) WITH (fillfactor = 70);

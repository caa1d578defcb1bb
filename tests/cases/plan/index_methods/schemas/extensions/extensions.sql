-- Trigram operator classes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

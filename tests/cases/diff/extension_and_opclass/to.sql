CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE words (id bigint PRIMARY KEY, word text NOT NULL);
CREATE INDEX words_word_trgm_idx ON words USING gin (word gin_trgm_ops);

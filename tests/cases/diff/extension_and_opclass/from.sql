CREATE TABLE words (id bigint PRIMARY KEY, word text NOT NULL);

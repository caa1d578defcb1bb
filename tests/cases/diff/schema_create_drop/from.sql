CREATE SCHEMA legacy;
CREATE TABLE legacy.notes (id bigint PRIMARY KEY, body text);

CREATE TABLE notes (id bigint PRIMARY KEY, body text);
COMMENT ON TABLE notes IS 'old';
COMMENT ON COLUMN notes.body IS 'remove me';

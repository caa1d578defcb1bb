CREATE TABLE notes (id bigint PRIMARY KEY, body text);
COMMENT ON TABLE notes IS 'Free-form notes; it''s quoted';
COMMENT ON COLUMN notes.id IS 'surrogate key';

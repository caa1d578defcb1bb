-- One broken CREATE TABLE costs one diagnostic: statements that use the table do not
-- add "defined nowhere" errors.
CREATE TABLE assets (id bigint, kind text,);
ALTER TABLE assets ENABLE ROW LEVEL SECURITY;
CREATE INDEX assets_kind_idx ON assets (kind);

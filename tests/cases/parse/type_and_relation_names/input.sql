-- Indexes and sequences have no row type: an enum or domain may share their name.
CREATE TABLE test (id integer);
CREATE INDEX foo ON test (id);
CREATE TYPE foo AS ENUM ('a', 'b');
CREATE SEQUENCE s;
CREATE DOMAIN s AS integer;
COMMENT ON INDEX foo IS 'index comment';
COMMENT ON TYPE foo IS 'type comment';
-- A table's or view's row type takes the name in pg_type: both orders are refused.
CREATE TYPE test AS ENUM ('x');
CREATE TYPE later AS ENUM ('x');
CREATE VIEW later AS SELECT 1 AS one;
-- A composite type is a pg_class relation: it clashes with an index too.
CREATE TYPE foo_pair AS (a integer, b integer);
CREATE INDEX foo_pair ON test (id);

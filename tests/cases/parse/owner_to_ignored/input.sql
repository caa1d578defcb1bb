-- pg_dump writes ownership; it is not part of the compared schema.
CREATE SEQUENCE s;
CREATE TABLE t (id int);
ALTER TABLE s OWNER TO app;
ALTER TABLE t OWNER TO app;
SET statement_timeout = 0;

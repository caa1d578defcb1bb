CREATE TABLE people (
    id bigint PRIMARY KEY,
    display_name text NOT NULL -- schemadiff:renamed-from fullname
);
-- schemadiff:renamed-from people_fullname_idx
CREATE INDEX people_display_name_idx ON people (display_name);

CREATE TABLE base (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, base_id int REFERENCES base (nope), CONSTRAINT child_u UNIQUE (missing));
CREATE INDEX base_missing_idx ON base (missing_col);

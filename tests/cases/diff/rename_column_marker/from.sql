CREATE TABLE people (id bigint PRIMARY KEY, fullname text NOT NULL);
CREATE INDEX people_fullname_idx ON people (fullname);
INSERT INTO people VALUES (1, 'Ada');

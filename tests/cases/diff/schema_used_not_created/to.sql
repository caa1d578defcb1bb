-- The schema exists in the database; the files only put objects in it.
CREATE TABLE reporting.daily (day date PRIMARY KEY, visits integer NOT NULL, signups integer);

CREATE TABLE people (id bigint PRIMARY KEY, fullname text);

CREATE TABLE people (id bigint PRIMARY KEY, display_name text);

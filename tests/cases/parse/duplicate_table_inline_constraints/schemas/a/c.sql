CREATE TABLE c (id bigint PRIMARY KEY, email text UNIQUE, CHECK (id > 0));

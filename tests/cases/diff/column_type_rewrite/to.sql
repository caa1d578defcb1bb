CREATE TABLE measurements (id integer PRIMARY KEY, reading bigint NOT NULL, label varchar(10));

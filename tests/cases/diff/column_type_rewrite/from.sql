CREATE TABLE measurements (id integer PRIMARY KEY, reading integer NOT NULL, label varchar(20));
INSERT INTO measurements VALUES (1, 42, 'x');

CREATE TABLE orders (id bigint PRIMARY KEY, amount integer NOT NULL);
INSERT INTO orders VALUES (1, 5);

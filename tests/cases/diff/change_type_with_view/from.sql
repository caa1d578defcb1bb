CREATE TABLE orders (
    id integer PRIMARY KEY,
    amount integer NOT NULL
);
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;

-- The view is written before the table it reads: schemadiff orders it.
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
CREATE TABLE orders (
    id integer PRIMARY KEY,
    amount numeric(12,2) NOT NULL
);

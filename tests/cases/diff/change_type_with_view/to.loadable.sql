CREATE TABLE orders (
    id integer PRIMARY KEY,
    amount numeric(12,2) NOT NULL
);
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    total numeric(12, 2) NOT NULL
);

CREATE MATERIALIZED VIEW customer_totals AS
SELECT customer_id, sum(total) AS total
FROM orders
GROUP BY customer_id
WITH NO DATA;

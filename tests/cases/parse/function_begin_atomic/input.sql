CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL
);

CREATE FUNCTION order_count(p_customer_id bigint) RETURNS bigint
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM orders WHERE customer_id = p_customer_id;
END;

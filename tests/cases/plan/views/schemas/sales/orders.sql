-- Orders and the tax helper.
CREATE SCHEMA sales;

CREATE TABLE sales.orders (
    id          bigint PRIMARY KEY,
    customer_id integer NOT NULL,
    amount      numeric(12, 2) NOT NULL
);

CREATE FUNCTION sales.with_tax(net numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT round(net * 1.2, 2) $$;

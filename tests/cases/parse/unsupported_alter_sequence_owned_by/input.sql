CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    number bigint NOT NULL DEFAULT nextval('order_number_seq')
);

ALTER SEQUENCE order_number_seq OWNED BY orders.number;

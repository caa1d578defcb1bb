CREATE TABLE customers (
    id bigint PRIMARY KEY,
    vat_number text
);

-- Stock levels per SKU.
CREATE SCHEMA store;

CREATE TABLE store.stock (
    sku         text PRIMARY KEY,
    quantity    integer NOT NULL CHECK (quantity >= 0)
);

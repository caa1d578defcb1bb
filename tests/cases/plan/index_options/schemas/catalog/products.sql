-- Products.
CREATE SCHEMA catalog;

CREATE TABLE catalog.products (
    id              integer PRIMARY KEY,
    sku             text NOT NULL,
    name            text NOT NULL,
    price           numeric(10, 2),
    category_id     integer NOT NULL,
    rank            integer NOT NULL DEFAULT 0,
    attributes      jsonb NOT NULL DEFAULT '{}'
);

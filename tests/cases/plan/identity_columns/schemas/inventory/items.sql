-- Items are stored in a warehouse bin (warehouse domain).
CREATE SCHEMA inventory;

CREATE TABLE inventory.items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         text NOT NULL UNIQUE,
    bin_id      integer NOT NULL REFERENCES warehouse.bins (id)
);

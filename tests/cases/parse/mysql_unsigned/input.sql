CREATE TABLE inventory (
    product_id bigint PRIMARY KEY,
    quantity integer UNSIGNED NOT NULL DEFAULT 0,
    reserved integer NOT NULL DEFAULT 0
);

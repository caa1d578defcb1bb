-- Shop.
CREATE SCHEMA shop;

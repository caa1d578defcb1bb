CREATE VIEW cheap_products AS SELECT id, name, price FROM products WHERE price < 10;
CREATE VIEW labelled AS SELECT id, price_label(price) AS label FROM products;
CREATE FUNCTION price_label(p numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT p::text || ' EUR' $$;
CREATE TABLE products (id bigint PRIMARY KEY, name varchar(200) NOT NULL, price numeric(10,2) NOT NULL);

CREATE TABLE products (id bigint PRIMARY KEY, name varchar(50) NOT NULL, price integer NOT NULL);
CREATE VIEW cheap_products AS SELECT id, name, price FROM products WHERE price < 10;
CREATE FUNCTION price_label(p integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT p::text || ' EUR' $$;
CREATE VIEW labelled AS SELECT id, price_label(price) AS label FROM products;

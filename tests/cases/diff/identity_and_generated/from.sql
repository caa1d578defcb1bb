CREATE TABLE items (id integer NOT NULL PRIMARY KEY, price numeric NOT NULL, qty integer NOT NULL, total numeric GENERATED ALWAYS AS (price * qty) STORED);

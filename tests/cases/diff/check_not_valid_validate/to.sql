CREATE TABLE orders (id bigint PRIMARY KEY, amount integer NOT NULL, CONSTRAINT orders_amount_check CHECK (amount > 0));

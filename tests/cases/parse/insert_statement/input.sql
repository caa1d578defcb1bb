CREATE TABLE plans (
    code text PRIMARY KEY,
    price_cents integer NOT NULL
);

INSERT INTO plans (code, price_cents) VALUES ('free', 0), ('pro', 1900);

CREATE TYPE money_amount AS (currency char(3), cents bigint);
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE contacts (id bigint PRIMARY KEY, address email);

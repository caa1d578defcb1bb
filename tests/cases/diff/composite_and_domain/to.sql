CREATE TYPE money_amount AS (currency char(3), cents bigint, note text);
CREATE DOMAIN email AS text NOT NULL DEFAULT 'nobody@example.com' CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
CREATE TABLE contacts (id bigint PRIMARY KEY, address email);

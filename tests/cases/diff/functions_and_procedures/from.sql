CREATE FUNCTION add_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 1.1 $$;
CREATE FUNCTION bump(n integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN n + 1; END $$;
CREATE PROCEDURE cleanup() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TABLE prices (id bigint PRIMARY KEY, net numeric NOT NULL, gross numeric GENERATED ALWAYS AS (add_tax(net)) STORED);
CREATE FUNCTION greet() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'hi'; END $$;

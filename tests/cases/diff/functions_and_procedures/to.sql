CREATE FUNCTION add_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 1.2 $$;
CREATE FUNCTION bump(n bigint) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN n + 2; END $$;
CREATE PROCEDURE cleanup(days integer) LANGUAGE sql AS $$ SELECT days $$;
CREATE TABLE prices (id bigint PRIMARY KEY, net numeric NOT NULL, gross numeric GENERATED ALWAYS AS (add_tax(net)) STORED);
CREATE FUNCTION greet() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'hello'; END $$;

-- plpgsql, sql, BEGIN ATOMIC (its body is resolved at creation: the table must exist) and a procedure.
CREATE SCHEMA api;

CREATE OR REPLACE FUNCTION api.stock_level(p_sku text) RETURNS integer
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT coalesce(sum(quantity), 0)::integer FROM store.stock WHERE sku = p_sku;
    END;

CREATE FUNCTION api.normalize_sku(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT upper(btrim(raw)) $$;

CREATE FUNCTION api.reserve(p_sku text, p_quantity integer) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
DECLARE
    available integer;
BEGIN
    SELECT quantity INTO available FROM store.stock WHERE sku = p_sku FOR UPDATE;
    IF available IS NULL OR available < p_quantity THEN
        RETURN false;
    END IF;
    UPDATE store.stock SET quantity = quantity - p_quantity WHERE sku = p_sku;
    RETURN true;
END;
$$;

CREATE PROCEDURE api.restock(p_sku text, p_quantity integer)
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO store.stock (sku, quantity) VALUES (api.normalize_sku(p_sku), p_quantity)
    ON CONFLICT (sku) DO UPDATE SET quantity = store.stock.quantity + EXCLUDED.quantity;
END;
$$;

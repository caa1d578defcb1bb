-- Orders and the updated_at helper.
CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    id          bigint PRIMARY KEY,
    status      text NOT NULL DEFAULT 'new',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION shop.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

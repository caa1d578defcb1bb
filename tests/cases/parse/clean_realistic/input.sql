-- A small shop: everything here is modelled and nothing is reported.
CREATE SCHEMA shop;
CREATE SCHEMA audit;

SET search_path TO shop, public;

CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE DOMAIN email_address AS text
    CHECK (VALUE ~ '^[^@[:space:]]+@[^@[:space:]]+$');

CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    email email_address NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    preferences jsonb NOT NULL DEFAULT '{}',
    default_address_id bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CONSTRAINT customers_tenant_email_key UNIQUE (tenant_id, email)
);

CREATE TABLE addresses (
    id serial PRIMARY KEY,
    customer_id bigint NOT NULL,
    line1 text NOT NULL,
    city text NOT NULL
);

-- customers <-> addresses: the cycle is closed after both tables exist.
ALTER TABLE addresses
    ADD CONSTRAINT addresses_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;
ALTER TABLE customers
    ADD CONSTRAINT customers_default_address_id_fkey
    FOREIGN KEY (default_address_id) REFERENCES addresses (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    customer_id bigint NOT NULL,
    status order_status NOT NULL DEFAULT 'pending',
    total numeric(12, 2) NOT NULL CHECK (total >= 0),
    placed_at timestamptz NOT NULL,
    PRIMARY KEY (id, placed_at)
) PARTITION BY RANGE (placed_at);

CREATE TABLE orders_2024 PARTITION OF orders
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE orders_2025 PARTITION OF orders
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE UNIQUE INDEX customers_email_lower_idx ON customers (lower(email::text));
CREATE INDEX customers_active_idx ON customers (created_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_preferences_idx ON customers USING gin (preferences);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE VIEW active_customers AS
SELECT id, email, full_name
FROM customers
WHERE deleted_at IS NULL;

CREATE MATERIALIZED VIEW daily_revenue AS
SELECT date_trunc('day', placed_at) AS day, sum(total) AS revenue
FROM orders
WHERE status = 'paid'
GROUP BY 1;

CREATE TABLE audit.events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    row_id bigint NOT NULL,
    happened_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit.log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit.events (table_name, row_id) VALUES (TG_TABLE_NAME, NEW.id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER customers_audit
AFTER INSERT OR UPDATE ON customers
FOR EACH ROW EXECUTE FUNCTION audit.log_change();

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;

CREATE POLICY customers_tenant_isolation ON customers
    USING (tenant_id = current_setting('app.tenant_id')::uuid);

GRANT SELECT ON active_customers TO reporting;

COMMENT ON TABLE customers IS 'People who buy things.';
COMMENT ON COLUMN customers.email IS 'Unique per tenant, case-insensitive.';

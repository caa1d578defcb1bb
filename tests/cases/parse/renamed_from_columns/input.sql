-- Columns and table constraints renamed in place: a marker at the end of the
-- element's line, or on the line(s) right before it.
-- schemadiff:renamed-from customers
CREATE TABLE clients (
    id bigint PRIMARY KEY,
    full_name text NOT NULL, -- schemadiff:renamed-from name
    -- The contact address, once called "Mail".
    -- schemadiff:renamed-from "Mail"
    email text,
    phone text,
    -- schemadiff:renamed-from customers_email_key
    CONSTRAINT clients_email_key UNIQUE (email),
    CONSTRAINT clients_phone_check CHECK (phone <> '') -- schemadiff:renamed-from phone_not_empty
);

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    client_id bigint NOT NULL REFERENCES clients (id), -- schemadiff:renamed-from customer_id
    total numeric(12,2) -- schemadiff:renamed-from amount
        NOT NULL DEFAULT 0,

    -- schemadiff:renamed-from orders_total_positive
    CHECK (total >= 0)
);

-- Markers inside a table that sqlparser reads (INHERITS): same rules.
CREATE TABLE archived_orders (
    archived_at timestamptz -- schemadiff:renamed-from moved_at
) INHERITS (orders);

-- The CRM team declared the same table again.
CREATE TABLE customers (
    id bigint NOT NULL,
    email text NOT NULL,
    CONSTRAINT customers_pkey PRIMARY KEY (id)
);

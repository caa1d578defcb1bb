-- A composite money type; its currency field uses a domain declared in domains.sql.
CREATE TYPE common.money_amount AS (
    amount      numeric(12, 2),
    currency    common.currency_code
);

CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES core.users (id),
    plan_code text NOT NULL REFERENCES billing.plans (code),
    currency currency_code NOT NULL,
    amount_cents integer UNSIGNED NOT NULL
);

INSERT INTO billing.invoices (user_id, plan_code, currency, amount_cents)
VALUES ('00000000-0000-0000-0000-000000000000', 'free', 'EUR', 0);

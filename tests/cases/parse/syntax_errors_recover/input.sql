-- Three bad statements among good ones: each costs one diagnostic, the rest loads.
CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
    id bigint PRIMARY KEY,
    total numeric(12, 2) NOT NULL
);

CREATE TABLE billing.lines (
    id bigint PRIMARY KEY,
    invoice_id bigint NOT NULL REFERNCES billing.invoices (id)
);

CREATE TABLE billing.payments (
    id bigint PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id)
    amount numeric(12, 2) NOT NULL
);

CREATE INDEX invoices_total_idx ON billing.invoices (total);

CREAT VIEW billing.big_invoices AS SELECT * FROM billing.invoices WHERE total > 1000;

CREATE TABLE billing.refunds (
    id bigint PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id),
    reason text
);

-- Invoices number themselves from an explicit sequence declared in sequences.sql.
CREATE TABLE billing.invoices (
    id          bigserial PRIMARY KEY,
    number      bigint NOT NULL DEFAULT nextval('billing.invoice_number_seq'),
    revision    serial NOT NULL,
    issued_on   date NOT NULL DEFAULT current_date
);

CREATE TABLE billing.credit_notes (
    id          smallserial PRIMARY KEY,
    invoice_id  bigint NOT NULL REFERENCES billing.invoices (id),
    ticket      integer NOT NULL DEFAULT nextval('billing.ticket_seq'::regclass)
);

-- Invoices and receipts are documents: they inherit the common columns.
CREATE TABLE docs.invoices (
    due_on      date NOT NULL,
    amount      numeric(12, 2) NOT NULL
) INHERITS (docs.documents);

CREATE TABLE docs.receipts (
    paid_at     timestamptz NOT NULL
) INHERITS (docs.documents, docs.audited);

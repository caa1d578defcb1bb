-- Orders use the shared enum, composite and domain types.
CREATE SCHEMA sales;

CREATE TABLE sales.orders (
    id          bigint PRIMARY KEY,
    status      common.order_status NOT NULL DEFAULT 'pending',
    history     common.order_status[] NOT NULL DEFAULT '{}',
    total       common.money_amount,
    quantity    common.positive_qty,
    currency    common.currency_code NOT NULL
);

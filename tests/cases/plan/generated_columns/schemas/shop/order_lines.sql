-- Line totals and a search key are computed by PostgreSQL.
CREATE TABLE shop.order_lines (
    id          bigint PRIMARY KEY,
    unit_price  numeric(10, 2) NOT NULL,
    quantity    integer NOT NULL,
    discount    numeric(4, 3) NOT NULL DEFAULT 0,
    line_total  numeric(12, 2) GENERATED ALWAYS AS (round(unit_price * quantity * (1 - discount), 2)) STORED,
    description text NOT NULL,
    search_key  text GENERATED ALWAYS AS (lower(description)) STORED
);

CREATE INDEX order_lines_search_key_idx ON shop.order_lines (search_key);

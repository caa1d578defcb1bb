-- Orders, as pasted from a MySQL schema doc.
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    status ENUM('pending', 'paid', 'shipped', 'cancelled') NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now()
);

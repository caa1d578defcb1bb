-- schemadiff:renamed-from customers
CREATE TABLE clients (
    id bigint PRIMARY KEY,
    name text NOT NULL
);

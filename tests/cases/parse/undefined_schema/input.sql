CREATE TABLE crm.contacts (
    id bigint PRIMARY KEY,
    email text NOT NULL
);

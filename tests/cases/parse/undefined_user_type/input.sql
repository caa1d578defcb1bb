CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    priority ticket_priority NOT NULL
);

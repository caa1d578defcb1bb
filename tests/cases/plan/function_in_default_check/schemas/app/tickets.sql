-- Ticket codes come from a function (default) and are validated by another (CHECK).
CREATE SCHEMA app;

CREATE TABLE app.tickets (
    id          bigint PRIMARY KEY,
    code        text NOT NULL DEFAULT util.new_ticket_code() CHECK (util.is_ticket_code(code)),
    title       text NOT NULL
);

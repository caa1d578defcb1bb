CREATE TABLE notes (
    id bigint PRIMARY KEY,
    body text NOT NULL DEFAULT 'untitled
);

CREATE TABLE tags (
    id bigint PRIMARY KEY
);

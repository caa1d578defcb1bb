CREATE TABLE books (
    id bigint PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    title text NOT NULL
);
CREATE TABLE authors (
    id bigint PRIMARY KEY,
    name text NOT NULL
);

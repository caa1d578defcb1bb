CREATE TABLE projects (
    id bigint PRIMRY KEY,
    name text NOT NULL
);

CREATE TABLE projects (
    id bigint PRIMARY KEY,
    name text NOT NULL
    owner_id bigint NOT NULL
);

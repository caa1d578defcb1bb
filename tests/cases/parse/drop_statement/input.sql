CREATE TABLE users (
    id bigint PRIMARY KEY
);

DROP TABLE IF EXISTS legacy_users;

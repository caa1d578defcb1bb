CREATE TABLE countries (
    code char(2) NOT NULL,
    name text NOT NULL
);

CREATE TABLE addresses (
    id bigint PRIMARY KEY,
    country char(2) NOT NULL REFERENCES countries
);

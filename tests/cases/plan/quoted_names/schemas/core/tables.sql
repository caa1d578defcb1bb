-- The core domain owns both schemas; b must survive the hostile table name.
CREATE SCHEMA "Sales";
CREATE SCHEMA core;

CREATE TABLE core."user" (
    "select"        integer PRIMARY KEY,
    "Email"         text NOT NULL UNIQUE
);

CREATE TABLE "Sales".b (
    id              integer PRIMARY KEY
);

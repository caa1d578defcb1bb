-- Byte-order collation for codes; the database default for names.
CREATE TABLE people.contacts (
    id          integer PRIMARY KEY,
    code        varchar(20) COLLATE "C" NOT NULL UNIQUE,
    country     char(2) COLLATE "POSIX",
    full_name   text NOT NULL
);

CREATE INDEX contacts_full_name_c_idx ON people.contacts (full_name COLLATE "C");

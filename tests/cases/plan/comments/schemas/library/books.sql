-- Books and their availability.
CREATE SCHEMA library;

CREATE TYPE library.book_format AS ENUM ('hardcover', 'paperback', 'ebook');

CREATE TABLE library.books (
    id          integer PRIMARY KEY,
    isbn        char(13) NOT NULL UNIQUE,
    title       text NOT NULL,
    format      library.book_format NOT NULL,
    on_loan     boolean NOT NULL DEFAULT false
);

CREATE INDEX books_title_idx ON library.books (title);

CREATE VIEW library.available_books AS
SELECT id, isbn, title FROM library.books WHERE NOT on_loan;

-- Documentation for the library domain, kept in its own domain folder.
COMMENT ON SCHEMA library IS 'Books and loans.';
COMMENT ON TABLE library.books IS 'One row per title; copies are tracked elsewhere.';
COMMENT ON COLUMN library.books.isbn IS 'ISBN-13 without hyphens.';
COMMENT ON VIEW library.available_books IS 'Books not currently on loan.';
COMMENT ON INDEX library.books_title_idx IS 'Supports title searches.';
COMMENT ON TYPE library.book_format IS 'Physical or digital format.';
COMMENT ON COLUMN library.available_books.title IS 'It''s the book''s title.';

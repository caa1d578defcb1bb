CREATE TABLE notes (
    id bigint PRIMARY KEY
);

/* Tags are attached to notes.
CREATE TABLE tags (
    id bigint PRIMARY KEY
);

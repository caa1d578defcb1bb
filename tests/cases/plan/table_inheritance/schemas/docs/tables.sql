-- Parents of the document hierarchy.
CREATE SCHEMA docs;

CREATE TABLE docs.documents (
    id          bigint NOT NULL,
    title       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (title <> '')
);

CREATE TABLE docs.audited (
    audited_by  text
);

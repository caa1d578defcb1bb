CREATE TYPE status AS ENUM ('draft', 'legacy', 'published');
CREATE TABLE posts (id bigint PRIMARY KEY, state status NOT NULL DEFAULT 'draft', history status[]);
INSERT INTO posts VALUES (1, 'draft', '{draft,published}'), (2, 'published', NULL);

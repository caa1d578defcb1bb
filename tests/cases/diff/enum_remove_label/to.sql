CREATE TYPE status AS ENUM ('draft', 'published', 'archived');
CREATE TABLE posts (id bigint PRIMARY KEY, state status NOT NULL DEFAULT 'draft', history status[]);

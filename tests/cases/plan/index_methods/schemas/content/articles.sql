-- One index per access method: gin, gist, brin, hash (and btree by default).
CREATE SCHEMA content;

CREATE TABLE content.articles (
    id              bigint PRIMARY KEY,
    title           text NOT NULL,
    body            text NOT NULL,
    tags            text[] NOT NULL DEFAULT '{}',
    attributes      jsonb NOT NULL DEFAULT '{}',
    published       tstzrange,
    created_at      timestamptz NOT NULL DEFAULT now(),
    external_ref    text
);

CREATE INDEX articles_tags_gin ON content.articles USING gin (tags);
CREATE INDEX articles_search_gin ON content.articles USING gin (to_tsvector('english', title || ' ' || body));
CREATE INDEX articles_title_trgm ON content.articles USING gin (title gin_trgm_ops);
CREATE INDEX articles_published_gist ON content.articles USING gist (published);
CREATE INDEX articles_created_at_brin ON content.articles USING brin (created_at) WITH (pages_per_range = 64);
CREATE INDEX articles_external_ref_hash ON content.articles USING hash (external_ref);

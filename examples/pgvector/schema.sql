-- Schema for the opt-in embeddings domain (semantic search and personalisation vectors).
CREATE SCHEMA embeddings;

COMMENT ON SCHEMA embeddings IS 'pgvector embeddings of content items and users; requires the vector extension.';

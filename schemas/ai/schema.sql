-- Schema for the ai domain: the ML model registry and its deployments.
CREATE SCHEMA ai;

COMMENT ON SCHEMA ai IS 'ML model registry. Embeddings (pgvector) are an opt-in domain in examples/pgvector.';

-- Extension required by the opt-in embeddings domain (pgvector: the vector type and ivfflat indexes).
CREATE EXTENSION IF NOT EXISTS vector;

-- Embedding tables for semantic content search and user personalisation, with ivfflat similarity indexes.
CREATE TABLE embeddings.content_embeddings (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    content_item_id     uuid NOT NULL REFERENCES content.content_items (id) ON DELETE CASCADE,
    model_id            uuid NOT NULL REFERENCES ai.models (id),
    chunk_index         integer NOT NULL DEFAULT 0 CHECK (chunk_index >= 0),
    chunk_text          text,
    embedding           vector(1536) NOT NULL,
    metadata            jsonb NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT content_embeddings_item_model_chunk_key UNIQUE (content_item_id, model_id, chunk_index)
);

-- lists ~ rows / 1000 for up to ~1M rows; rebuild after large back-fills.
CREATE INDEX content_embeddings_embedding_idx ON embeddings.content_embeddings
    USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100);

COMMENT ON TABLE embeddings.content_embeddings IS 'One 1536-dimension embedding (OpenAI ada-002 size) per content chunk and model.';

CREATE TABLE embeddings.user_embeddings (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    model_id            uuid NOT NULL REFERENCES ai.models (id),
    embedding_type      text NOT NULL CHECK (embedding_type IN ('interests', 'skills', 'behavior')),
    embedding           vector(768) NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_embeddings_user_type_key UNIQUE (user_id, embedding_type)
);

CREATE INDEX user_embeddings_embedding_idx ON embeddings.user_embeddings
    USING ivfflat (embedding vector_cosine_ops) WITH (lists = 50);

CREATE TRIGGER user_embeddings_set_updated_at
    BEFORE UPDATE ON embeddings.user_embeddings
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON TABLE embeddings.user_embeddings IS 'Per-user 768-dimension (BERT size) personalisation vectors, one per embedding_type.';

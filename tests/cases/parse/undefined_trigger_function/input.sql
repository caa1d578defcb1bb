CREATE TABLE documents (
    id bigint PRIMARY KEY,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER documents_touch
BEFORE UPDATE ON documents
FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
